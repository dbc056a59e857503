package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.scales.MarkScale;

class HeapingRuleTest {

    private static final Procedure.Key RU5 = Region.vpr(2025, "Русский язык", 5);

    private static int mark(int primary) {
        return primary >= 16 ? 5 : primary >= 11 ? 4 : primary >= 6 ? 3 : 2;
    }

    /**
     * 30 honest schools whose pupils score 0..20 round-robin (so scores 4, 5, 6, 7 are equally frequent) and
     * school H: 20 pupils at 6 or 7 points — exactly at the «3» threshold or one above — and 10 far from any
     * threshold.
     */
    private static AnalysisResult analyse() {
        return Region.analyse(heapedRegion().build());
    }

    private static Region heapedRegion() {
        Region region = new Region();
        for (int s = 0; s < 30; s++) {
            region.school("S" + s, SchoolType.SOSH);
            for (int i = 0; i < 30; i++) {
                int primary = i % 21;
                region.result(RU5, "S" + s, "S" + s + "-" + i, (double) primary, mark(primary), null);
            }
        }
        region.school("H", SchoolType.SOSH);
        int[] others = {0, 1, 2, 19, 20};
        for (int i = 0; i < 30; i++) {
            int primary = i < 20 ? 6 + i % 2 : others[i % 5];
            region.result(RU5, "H", "H-" + i, (double) primary, mark(primary), null);
        }
        return region;
    }

    private static MarkScale scale(String variant, int three, int four, int five) {
        return new MarkScale(ProcedureKind.VPR, 2025, "Русский язык", 5, variant, List.of(new MarkScale.Band(2, 0, three - 1),
                new MarkScale.Band(3, three, four - 1), new MarkScale.Band(4, four, five - 1), new MarkScale.Band(5, five, 20)),
                "тест", null);
    }

    private static String evidence(Sign s, String key) {
        return java.util.Arrays.stream(s.evidence().split("\\|")).filter(p -> p.startsWith(key + "="))
                .findFirst().orElseThrow().substring(key.length() + 1);
    }

    @Test
    void withoutAScaleTheThresholdsAreReadOffTheMarks() {
        Sign h = Region.signs(analyse(), SignCode.THRESHOLD_HEAPING).get(0);
        assertThat(evidence(h, "шкала")).isEqualTo("«3» от 6, «4» от 11, «5» от 16");
        assertThat(evidence(h, "шкала_источник")).isEqualTo("выведена из отметок");
    }

    @Test
    void anImportedScaleForEveryVariantGivesTheThresholds() {
        Region region = heapedRegion();
        // the official scale puts «3» at 5 points: school H's 20 works at 6–7 now sit one and two points above it;
        // the thresholds of the evidence are the scale's, not the ones the stored marks agree on (6, 11, 16)
        region.scale(scale("", 5, 10, 15));
        List<Sign> signs = Region.signs(Region.analyse(region.build()), SignCode.THRESHOLD_HEAPING);
        assertThat(signs).isNotEmpty();
        signs.forEach(s -> {
            assertThat(evidence(s, "шкала")).isEqualTo("«3» от 5, «4» от 10, «5» от 15");
            assertThat(evidence(s, "шкала_источник")).isEqualTo("официальная шкала");
        });
        assertThat(new AnalysisContext(region.build(), ObjectivitySettings.defaults())
                .thresholds(region.build().procedure(RU5).orElseThrow()).minimum(3)).isEqualTo(5);
    }

    @Test
    void aScaleOfOneVariantIsNotUsedForTheWholeProcedure() {
        Region region = heapedRegion();
        region.scale(scale("А", 5, 10, 15));
        AnalysisData data = region.build();
        MarkThresholds t = new AnalysisContext(data, ObjectivitySettings.defaults()).thresholds(data.procedure(RU5).orElseThrow());
        assertThat(t.minimum(3)).isEqualTo(6);
        assertThat(t.source).isEqualTo(MarkThresholds.Source.DATA);
        assertThat(data.scaleCount()).isZero();
    }

    @Test
    void worksPiledAtTheThresholdAreHeaping() {
        List<Sign> signs = Region.signs(analyse(), SignCode.THRESHOLD_HEAPING);

        assertThat(signs).extracting(Sign::schoolCode).containsExactly("H");
        Sign h = signs.get(0);
        assertThat(h.n()).isEqualTo(20);
        // reference share at 6–7 among 4–7 is exactly 1/2, so x − n·π = 20 − 10 over 20 works
        assertThat(h.value()).isCloseTo(0.5, within(1e-12));
        // one threshold with works in its window: Fisher's combination of one p is that p; 0.5^20
        assertThat(h.pValue()).isCloseTo(9.5367431640625e-07, within(1e-15));
        assertThat(h.explanation()).contains("20 из 20").contains("«3»");
    }

    @Test
    void theEvidenceCarriesTheExpectedHistogramOfTheReference() {
        Sign h = Region.signs(analyse(), SignCode.THRESHOLD_HEAPING).get(0);
        String expected = java.util.Arrays.stream(h.evidence().split("\\|"))
                .filter(p -> p.startsWith("ожидаемо=")).findFirst().orElseThrow().substring("ожидаемо=".length());

        // By hand: without a maximum score the histogram runs to the «5» threshold + 2 = 18 points. An honest
        // school has i % 21 for i < 30: 2 works at each of 0..8, 1 at each of 9..18 (28 in the histogram); the
        // reference (the 30 honest schools; H is flagged and left out) has 60 works at 0..8, 30 at 9..18, 840 in
        // all. H has 26 works in 0..18 (20 at 6–7, two each at 0, 1, 2), so 26 · 60 / 840 = 1.857 → 1.9 expected at
        // 0..8 and 26 · 30 / 840 = 0.929 → 0.9 at 9..18.
        assertThat(expected.split(" ")).containsExactly("1.9", "1.9", "1.9", "1.9", "1.9", "1.9", "1.9", "1.9", "1.9",
                "0.9", "0.9", "0.9", "0.9", "0.9", "0.9", "0.9", "0.9", "0.9", "0.9");
    }

    @Test
    void theExpectedHistogramIsRoundedToOneDecimal() {
        // 7 works against a reference of 1, 2 and 0 works: 7 · 1 / 3 = 2.333… → 2.3, 7 · 2 / 3 = 4.666… → 4.7
        assertThat(HeapingRule.expected(new long[] {1, 2, 0}, new int[] {3, 4, 0})).containsExactly(2.3, 4.7, 0.0);
    }

    @Test
    void aTooLongEvidenceLosesOnlyTheExpectedHistogram() {
        String shortOne = "шкала=«3» от 6|гистограмма=1 2|ожидаемо=1.5 1.5";
        // 3,000 scores: «шкала=«3» от 6|» is 15 characters, «гистограмма=» 12, «0 0 … 0» 5,999; the expected 12,000 more
        String longOne = "шкала=«3» от 6|гистограмма=" + "0 ".repeat(3000).trim() + "|ожидаемо=" + "0.5 ".repeat(3000).trim();

        assertThat(HeapingRule.withinColumn(shortOne)).isEqualTo(shortOne);
        assertThat(HeapingRule.withinColumn(longOne)).doesNotContain("ожидаемо").endsWith(" 0").hasSize(15 + 12 + 5999);
    }

    @Test
    void thresholdsAreReadOffTheScoreMarkPairs() {
        Region region = new Region();
        region.school("A", SchoolType.SOSH);
        for (int i = 0; i < 60; i++) {
            region.result(RU5, "A", "A-" + i, (double) (i % 21), mark(i % 21), null);
        }
        MarkThresholds t = MarkThresholds.infer(region.build().procedure(RU5).orElseThrow());

        assertThat(t.known()).isTrue();
        assertThat(new int[] {t.minimum(3), t.minimum(4), t.minimum(5)}).containsExactly(6, 11, 16);
    }
}
