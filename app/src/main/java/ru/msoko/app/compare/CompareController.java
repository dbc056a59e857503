package ru.msoko.app.compare;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.msoko.app.security.Scope;

/**
 * The comparison page: {@code /compare?schools=A,B&year=Y} (two schools of a year) or
 * {@code /compare?school=A&years=Y1,Y2} (one school in two years). Without a full request it shows the forms to
 * choose; a school outside the territory is refused like its page.
 */
@Controller
class CompareController {

    private final Comparisons comparisons;

    CompareController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/compare")
    String compare(@RequestParam(required = false) List<String> schools, @RequestParam(required = false) String school,
                   @RequestParam(required = false) Integer year, @RequestParam(required = false) List<Integer> years,
                   Scope scope, Model model) {
        List<String> codes = schools == null ? List.of() : schools.stream().filter(s -> !s.isBlank()).toList();
        model.addAttribute("choices", comparisons.choices(scope));
        model.addAttribute("allYears", comparisons.allYears());
        model.addAttribute("picked", codes);
        model.addAttribute("school", school);
        model.addAttribute("year", year);
        model.addAttribute("years", years == null ? List.of() : years);
        try {
            if (school != null && !school.isBlank()) {
                model.addAttribute("c", comparisons.years(scope, school, years == null ? List.of() : years));
            } else if (codes.size() >= 2) {
                model.addAttribute("c", comparisons.schools(scope, codes, year));
            } else if (codes.size() == 1) {
                comparisons.check(scope, codes.get(0));
                model.addAttribute("message", "Выберите вторую школу для сравнения.");
            }
        } catch (Comparisons.Unanswerable e) {
            model.addAttribute("message", e.getMessage());
        }
        return "compare";
    }
}
