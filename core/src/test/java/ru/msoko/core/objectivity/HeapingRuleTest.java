package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.SchoolType;

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
        return Region.analyse(region.build());
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
