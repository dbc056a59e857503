package ru.msoko.core.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.domain.TaskScores;

/**
 * Applying ГИА scales. The scales are those of data-formats §2.3 (ОГЭ 2024): Russian 0–14/15–22/23–28/29–33 with
 * «4» needing ≥ 4 and «5» needing ≥ 6 points for ГК1–ГК4; mathematics 0–7/8–14/15–21/22–31 with ≥ 2 points
 * for geometry (tasks 15–19, 23–25) for «3» and above. Every expected mark is worked out by hand in the comment.
 */
class GiaScaleTest {

    private static final List<String> GK = List.of("ГК1", "ГК2", "ГК3", "ГК4");
    private static final List<String> GEOMETRY = GiaScaleCsv.tasks("15-19 23-25");

    private static List<MarkScale.Band> bands(int... ends) {
        return List.of(new MarkScale.Band(2, 0, ends[0]), new MarkScale.Band(3, ends[0] + 1, ends[1]),
                new MarkScale.Band(4, ends[1] + 1, ends[2]), new MarkScale.Band(5, ends[2] + 1, ends[3]));
    }

    private static GiaScale oge(String subject, List<MarkScale.Band> bands, List<GiaScale.Rule> rules) {
        return new GiaScale(new GiaScale.Key(ProcedureKind.OGE, 2024, subject, 9, "", ""), bands, List.of(), null, null,
                rules, "data-formats §2.3", "");
    }

    private static final GiaScale RUSSIAN = oge("RU", bands(14, 22, 28, 33),
            List.of(new GiaScale.Rule(4, GK, 4), new GiaScale.Rule(5, GK, 6)));
    private static final GiaScale MATHS = oge("MA", bands(7, 14, 21, 31), List.of(new GiaScale.Rule(3, GEOMETRY, 2)));

    /** ГК1…ГК4 with the given scores (the other tasks do not matter to the rule). */
    private static Map<String, Integer> gk(int... scores) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            m.put(GK.get(i), scores[i]);
        }
        return m;
    }

    /** Geometry tasks: {@code points} on task 15, 0 on the rest. */
    private static Map<String, Integer> geometry(int points) {
        Map<String, Integer> m = new HashMap<>();
        GEOMETRY.forEach(t -> m.put(t, 0));
        m.put("15", points);
        return m;
    }

    @Test
    void geometryTasksAreExpandedFromTheRangesOfTheDocument() {
        assertThat(GEOMETRY).containsExactly("15", "16", "17", "18", "19", "23", "24", "25");
        assertThat(GiaScaleCsv.tasks("ГК1-ГК4")).containsExactlyElementsOf(GK);
    }

    /** Band boundaries with conditions met: 14 → «2», 15 → «3», 22 → «3», 23 → «4», 28 → «4», 29 → «5», 33 → «5». */
    @Test
    void russianBandsAtEachBoundaryWhenTheLiteracyCriteriaAreMet() {
        Map<String, Integer> full = gk(2, 2, 1, 1); // 6 points: every condition holds
        int[][] expected = {{14, 2}, {15, 3}, {22, 3}, {23, 4}, {28, 4}, {29, 5}, {33, 5}, {0, 2}};
        for (int[] e : expected) {
            assertThat(RUSSIAN.grade(e[0], full).mark()).as("балл " + e[0]).isEqualTo(e[1]);
            assertThat(RUSSIAN.grade(e[0], full).lowered()).isNull();
        }
    }

    @Test
    void russianFiveNeedsSixLiteracyPointsAndFourNeedsFour() {
        // 33 points, ГК = 5 (< 6): not «5»; ≥ 4: «4»
        GiaScale.Grading five = RUSSIAN.grade(33, gk(2, 1, 1, 1));
        assertThat(five.mark()).isEqualTo(4);
        assertThat(five.lowered()).isEqualTo("по первичному баллу отметка «5», но для отметки «5» и выше нужно не меньше "
                + "6 за задания ГК1, ГК2, ГК3, ГК4 (набрано 5): отметка «4»");
        // 33 points, ГК = 3 (< 4): neither «5» nor «4»; «3» has no condition
        assertThat(RUSSIAN.grade(33, gk(1, 1, 1, 0)).mark()).isEqualTo(3);
        // 23 points (band «4»), ГК = 4: exactly the condition of «4»
        assertThat(RUSSIAN.grade(23, gk(1, 1, 1, 1)).mark()).isEqualTo(4);
        // 23 points, ГК = 3: «3»
        assertThat(RUSSIAN.grade(23, gk(1, 1, 1, 0)).mark()).isEqualTo(3);
        // 29 points (band «5»), ГК = 6: «5»
        assertThat(RUSSIAN.grade(29, gk(3, 1, 1, 1)).mark()).isEqualTo(5);
        // 15 points (band «3»), ГК = 0: «3», the criteria do not matter for it
        assertThat(RUSSIAN.grade(15, gk(0, 0, 0, 0)).mark()).isEqualTo(3);
    }

    @Test
    void aMarkWhoseConditionCannotBeCheckedIsNotGiven() {
        GiaScale.Grading g = RUSSIAN.grade(30, Map.of("1", 1));
        assertThat(g.mark()).isNull();
        assertThat(g.undetermined()).isEqualTo("по первичному баллу отметка «5», но для отметки «4» и выше нужно не "
                + "меньше 4 за задания ГК1, ГК2, ГК3, ГК4, а баллов за ГК1, ГК2, ГК3, ГК4 в результатах нет");
        // band «3» needs no criteria: the mark is certain without them
        assertThat(RUSSIAN.grade(20, Map.of()).mark()).isEqualTo(3);
    }

    @Test
    void mathsNeedsTwoGeometryPointsForEveryPositiveMark() {
        // 8 points (lowest «3»), 2 of them geometry: «3»; with 1 geometry point: «2»
        assertThat(MATHS.grade(8, geometry(2)).mark()).isEqualTo(3);
        assertThat(MATHS.grade(8, geometry(1)).mark()).isEqualTo(2);
        // 7 points: «2» whatever the geometry
        assertThat(MATHS.grade(7, geometry(2)).mark()).isEqualTo(2);
        // 15 points (lowest «4»), geometry 2: «4»; geometry 1: the condition of «3» and above fails → «2»
        assertThat(MATHS.grade(15, geometry(2)).mark()).isEqualTo(4);
        assertThat(MATHS.grade(15, geometry(1)).mark()).isEqualTo(2);
        // 22 and 31 points (band «5»): «5» with 2 geometry points, «2» with 0
        assertThat(MATHS.grade(22, geometry(2)).mark()).isEqualTo(5);
        assertThat(MATHS.grade(31, geometry(0)).mark()).isEqualTo(2);
        assertThat(MATHS.grade(31, geometry(0)).lowered()).isEqualTo("по первичному баллу отметка «5», но для отметки "
                + "«3» и выше нужно не меньше 2 за задания 15, 16, 17, 18, 19, 23, 24, 25 (набрано 0): отметка «2»");
        // 21 points, geometry 1+1 on two tasks (15 and 24): «4»
        Map<String, Integer> split = geometry(1);
        split.put("24", 1);
        assertThat(MATHS.grade(21, split).mark()).isEqualTo(4);
        // a fractional primary score counts by its whole part: 14.5 → band «3»
        assertThat(MATHS.grade(14.5, geometry(2)).mark()).isEqualTo(3);
    }

    @Test
    void aScoreAboveTheScaleIsNotGraded() {
        assertThat(MATHS.grade(32, geometry(2)).undetermined()).isEqualTo("первичный балл 32 вне шкалы «ОГЭ 2024, MA, "
                + "9 класс» (0–31)");
    }

    /** A small hand-made ЕГЭ table (0→0, 1→5, 2→9, 3→14) with minimum 9; not real numbers. */
    @Test
    void egeTestScoresAndTheMinimum() {
        GiaScale ege = new GiaScale(new GiaScale.Key(ProcedureKind.EGE, 2026, "PH", 11, "", ""), List.of(),
                List.of(new GiaScale.Point(0, 0), new GiaScale.Point(1, 5), new GiaScale.Point(2, 9),
                        new GiaScale.Point(3, 14)), 9, null, List.of(), "", "");
        assertThat(ege.grade(2, Map.of()).test()).isEqualTo(9);
        assertThat(ege.grade(2, Map.of()).mark()).isNull();
        assertThat(ege.grade(3, Map.of()).test()).isEqualTo(14);
        assertThat(ege.belowMinimum(8)).contains(true);
        assertThat(ege.belowMinimum(9)).contains(false);
        assertThat(ege.grade(4, Map.of()).undetermined()).isEqualTo("первичный балл 4 вне шкалы «ЕГЭ 2026, PH, 11 класс» (0–3)");
    }

    @Test
    void overlapsGapsAndDecreasingTablesAreRefusedNamingTheBandOrScore() {
        List<MarkScale.Band> overlap = List.of(new MarkScale.Band(2, 0, 6), new MarkScale.Band(3, 5, 8),
                new MarkScale.Band(4, 9, 11), new MarkScale.Band(5, 12, 14));
        assertThat(GiaScale.check(ProcedureKind.GVE9, overlap, List.of(), null, null, List.of()))
                .extracting(GiaScale.Issue::message)
                .containsExactly("отметка «3» (5–8) пересекается с отметкой «2» (0–6) на баллах 5–6");
        List<MarkScale.Band> gap = List.of(new MarkScale.Band(2, 0, 6), new MarkScale.Band(3, 8, 8),
                new MarkScale.Band(4, 9, 11), new MarkScale.Band(5, 12, 14));
        assertThat(GiaScale.check(ProcedureKind.OGE, gap, List.of(), null, null, List.of()))
                .extracting(GiaScale.Issue::message)
                .containsExactly("между отметкой «2» (0–6) и отметкой «3» (8–8) пропущен балл 7");
        List<GiaScale.Point> decreasing = List.of(new GiaScale.Point(0, 0), new GiaScale.Point(1, 6),
                new GiaScale.Point(2, 5), new GiaScale.Point(4, 9));
        assertThat(GiaScale.check(ProcedureKind.EGE, List.of(), decreasing, null, null, List.of()))
                .extracting(GiaScale.Issue::message).containsExactly(
                        "первичный балл 2 даёт тестовый балл 5, меньше, чем 6 за первичный балл 1: таблица должна не убывать",
                        "пропущен первичный балл 3");
        assertThatThrownBy(() -> new GiaScale(new GiaScale.Key(ProcedureKind.EGE, 2026, "PH", 11, "", ""), List.of(),
                decreasing, null, null, List.of(), "", "")).hasMessageContaining("первичный балл 2");
    }

    @Test
    void rulesAndMinimaMustFitTheScale() {
        assertThat(GiaScale.check(ProcedureKind.OGE, bands(7, 14, 21, 31), List.of(), 30, null,
                List.of(new GiaScale.Rule(2, GEOMETRY, 2), new GiaScale.Rule(4, List.of(), 2))))
                .extracting(GiaScale.Issue::message).containsExactly(
                        "минимальный тестовый балл бывает только у ЕГЭ; минимум ОГЭ — начало отметки «3»",
                        "условие для отметки «2»: такой отметки (выше низшей) в шкале нет",
                        "условие для отметки «4»: не указаны задания");
        assertThat(GiaScale.check(ProcedureKind.VPR, bands(7, 14, 21, 31), List.of(), null, null, List.of()))
                .extracting(GiaScale.Issue::message).containsExactly("процедура ВПР — не ГИА: ожидается ОГЭ, ГВЭ-9, "
                        + "ГВЭ-11 или ЕГЭ");
    }

    /** Scores by label for the conditions: a task not attempted counts 0; scores that do not fit the layout give none. */
    @Test
    void taskScoresAreLabelledByTheLayout() {
        TaskLayout layout = TaskLayout.parse("1=1;2=2;3=1");
        assertThat(GiaScale.byLabel(layout, TaskScores.of(1, TaskScores.NOT_ATTEMPTED, 0)))
                .isEqualTo(Map.of("1", 1, "2", 0, "3", 0));
        assertThat(GiaScale.byLabel(layout, TaskScores.of(1, 2))).isEmpty();
        assertThat(GiaScale.byLabel(null, TaskScores.of(1, 2, 1))).isEmpty();
    }

    @Test
    void variantLettersCompareWhateverTheAlphabet() {
        assertThat(GiaScale.Key.variant(" a ")).isEqualTo("А");
        assertThat(new GiaScale.Key(ProcedureKind.GVE9, 2023, "MA", 9, "Письменная", "C"))
                .isEqualTo(new GiaScale.Key(ProcedureKind.GVE9, 2023, "MA", 9, "письменная", "С"));
    }
}
