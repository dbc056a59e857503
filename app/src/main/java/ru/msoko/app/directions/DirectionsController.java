package ru.msoko.app.directions;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.msoko.app.security.Scope;
import ru.msoko.app.web.NotFoundException;

/** A page per direction: what it covers, its management cycle and the data already loaded for it. */
@Controller
class DirectionsController {

    record Loaded(String kind, int year, long results) {
    }

    private final JdbcClient jdbc;

    DirectionsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/directions/{slug}")
    String direction(@PathVariable String slug, Scope scope, Model model) {
        Direction d = Direction.bySlug(slug).orElseThrow(() -> new NotFoundException("Нет такого направления."));
        model.addAttribute("direction", d);
        model.addAttribute("cycle", Direction.CYCLE);
        model.addAttribute("loaded", loaded(d, scope));
        return "direction";
    }

    private List<Loaded> loaded(Direction d, Scope scope) {
        if (d.procedures().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.kind, a.exam_year, count(*)
                from result r join assessment a on a.id = r.assessment_id join school s on s.id = r.school_id
                where a.kind in (:kinds) and %s
                group by a.kind, a.exam_year order by a.exam_year desc, a.kind""".formatted(Scope.SCHOOL_CONDITION))
                .params(scope.sqlParams())
                .param("kinds", d.procedures().stream().map(Enum::name).toList())
                .query((rs, n) -> new Loaded(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }
}
