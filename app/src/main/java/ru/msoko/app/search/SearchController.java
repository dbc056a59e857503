package ru.msoko.app.search;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.msoko.app.security.Scope;

/** School search from the header: by name, or by any code the school has had (sch…, edu…, ГИА code, ОГРН). */
@Controller
class SearchController {

    private final SearchQueries queries;

    SearchController(SearchQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") String q, Scope scope, Model model) {
        var hits = queries.schools(scope, q);
        if (hits.size() == 1 && !q.isBlank()) {
            return "redirect:/schools/" + hits.get(0).code();
        }
        model.addAttribute("q", q);
        model.addAttribute("hits", hits);
        return "search";
    }
}
