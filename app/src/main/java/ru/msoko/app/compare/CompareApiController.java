package ru.msoko.app.compare;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.msoko.app.api.ApiErrors;
import ru.msoko.app.security.Scope;

/** The comparison as JSON: the same two forms as the page, scoped the same way. */
@RestController
class CompareApiController {

    private final Comparisons comparisons;

    CompareApiController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    /** {@code ?schools=A,B&year=Y} or {@code ?school=A&years=Y1,Y2}; 400 when neither is complete. */
    @GetMapping("/api/v1/compare")
    Comparisons.Comparison compare(@RequestParam(required = false) List<String> schools,
                                   @RequestParam(required = false) String school,
                                   @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) List<Integer> years, Scope scope) {
        try {
            if (school != null && !school.isBlank()) {
                return comparisons.years(scope, school, years == null ? List.of() : years);
            }
            return comparisons.schools(scope, schools == null ? List.of() : schools, year);
        } catch (Comparisons.Unanswerable e) {
            throw new ApiErrors.BadRequest(e.getMessage());
        }
    }
}
