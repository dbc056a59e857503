package ru.msoko.app.directions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.NotFoundException;

/** A page per direction: what it covers, its management cycle and the data already loaded for it. */
@Controller
class DirectionsController {

    private final DirectionQueries queries;

    DirectionsController(DirectionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/directions/{slug}")
    String direction(@PathVariable String slug, Scope scope, Model model) {
        Direction d = Direction.bySlug(slug).orElseThrow(() -> new NotFoundException("Нет такого направления."));
        model.addAttribute("direction", d);
        model.addAttribute("cycle", Direction.CYCLE);
        model.addAttribute("loaded", queries.loaded(d, scope));
        return "direction";
    }
}
