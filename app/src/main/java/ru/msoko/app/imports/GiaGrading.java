package ru.msoko.app.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import ru.msoko.app.scales.GiaScaleRepository;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.scales.GiaScale;
import ru.msoko.core.text.RussianPlural;

/**
 * Applies the ГИА scales in force to the results of one file: a result without a mark (ОГЭ, ГВЭ, ЕГЭ base
 * mathematics) or test score (ЕГЭ) gets them from its scale, with the conditions of the marks checked on its task
 * scores; a mark or test score the file gives is kept, and one that contradicts the scale is a warning.
 */
final class GiaGrading {

    /** How many examples a warning shows. */
    private static final int EXAMPLES = 3;

    /** A result as it is to be stored, and the scale that gave it its mark or test score ({@code null}: none). */
    record Graded(Result result, Long scaleId) {
    }

    private final GiaScaleRepository.Snapshot scales;
    private final List<String> contradictions = new ArrayList<>();
    private final List<String> undetermined = new ArrayList<>();
    private int contradicted;
    private int ungraded;

    GiaGrading(GiaScaleRepository.Snapshot scales) {
        this.scales = scales;
    }

    /**
     * @param row the row of the result in the file, for the warnings
     * @param layout the file's tasks, whose labels the conditions name
     * @return {@code null} when no ГИА scale applies to the result (it is not a ГИА result, has no primary score,
     *         or its scale is not loaded or has neither marks nor test scores)
     */
    Graded grade(long row, Result r, TaskLayout layout) {
        if (!r.procedure().kind().isStateExam() || r.absent() || r.primaryScore() == null) {
            return null;
        }
        var stored = scales.find(r.procedure(), r.variant()).orElse(null);
        if (stored == null || stored.scale().bands().isEmpty() && stored.scale().table().isEmpty()) {
            return null;
        }
        GiaScale scale = stored.scale();
        GiaScale.Grading g = scale.grade(r.primaryScore(), GiaScale.byLabel(layout, r.tasks()));
        if (r.mark() != null || r.testScore() != null) {
            compare(row, r, scale, g);
            return new Graded(r, null);
        }
        if (g.undetermined() != null) {
            ungraded++;
            example(undetermined, "строка " + row + ": " + g.undetermined());
            return new Graded(r, null);
        }
        Result out = g.mark() == null ? r : r.withMark(g.mark());
        out = g.test() == null ? out : out.withTestScore(g.test().doubleValue());
        return new Graded(out, stored.id());
    }

    private void compare(long row, Result r, GiaScale scale, GiaScale.Grading g) {
        String file = null;
        String computed = null;
        if (r.mark() != null && g.mark() != null && !Objects.equals(r.mark(), g.mark())) {
            file = "отметка «" + r.mark() + "»";
            computed = "«" + g.mark() + "»";
        } else if (r.testScore() != null && g.test() != null && Math.round(r.testScore()) != g.test()) {
            file = "тестовый балл " + Math.round(r.testScore());
            computed = String.valueOf(g.test());
        }
        if (file != null) {
            contradicted++;
            example(contradictions, "строка " + row + ": в файле " + file + ", по шкале «" + scale.key() + "» — " + computed
                    + (g.lowered() == null ? "" : " (" + g.lowered() + ")"));
        }
    }

    private static void example(List<String> list, String text) {
        if (list.size() < EXAMPLES) {
            list.add(text);
        }
    }

    /** What the file's results and the scales disagreed on, for the import log. */
    List<String> warnings() {
        List<String> out = new ArrayList<>();
        if (contradicted > 0) {
            out.add("отметка или тестовый балл в файле расходится со шкалой ГИА у " + participants(contradicted)
                    + " (в базе оставлено значение из файла), например: " + String.join("; ", contradictions));
        }
        if (ungraded > 0) {
            out.add("отметка или тестовый балл не вычислены по шкале ГИА у " + participants(ungraded) + ", например: "
                    + String.join("; ", undetermined));
        }
        return out;
    }

    private static String participants(int n) {
        return n + " " + RussianPlural.of(n, "участника", "участников", "участников");
    }
}
