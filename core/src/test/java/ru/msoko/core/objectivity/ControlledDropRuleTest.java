package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.msoko.core.domain.SchoolType;

/**
 * A.8 step 1: a school whose ВПР ran under observers falls against its uncontrolled past.
 *
 * <p>The region, three years of ВПР maths 5 out of 20 points, 20 works per school with scores mean + (i mod 5 − 2):
 * 20 honest schools S0…S19 with means 3 + (s mod 5) every year; C and E with mean 9 in 2023 and 2024 and 5 in
 * 2025, C observed in 2025 and E not; D with mean 7 every year, observed in 2025. Expected values computed
 * independently in Python (statistics.mean/stdev for the leave-one-out Z of methods.md A.4 step 1 on the
 * percentage metric, scipy.stats.norm.sf for the one-sided pupil-level test):
 * C: Z 2025 = −0.06293464483839942, Z 2023 = Z 2024 = 2.235782988908344, D = −2.2987176337467434,
 * statistic −8.396375076074564, p = 2.30236570759374e-17; D: change +0.547, p = 0.92.
 */
class ControlledDropRuleTest {

    private static AnalysisResult analyse() {
        Region region = new Region();
        for (int s = 0; s < 20; s++) {
            region.school("S" + s, SchoolType.SOSH);
        }
        region.school("C", SchoolType.SOSH).school("D", SchoolType.SOSH).school("E", SchoolType.SOSH);
        for (int year = 2023; year <= 2025; year++) {
            var key = Region.vpr(year, "Математика", 5);
            for (int s = 0; s < 20; s++) {
                works(region, key, "S" + s, 3 + s % 5, false);
            }
            works(region, key, "C", year < 2025 ? 9 : 5, year == 2025);
            works(region, key, "D", 7, year == 2025);
            works(region, key, "E", year < 2025 ? 9 : 5, false);
        }
        return Region.analyse(region.build());
    }

    private static void works(Region region, ru.msoko.core.domain.Procedure.Key key, String school, int mean,
                              boolean observed) {
        for (int i = 0; i < 20; i++) {
            region.observed(key, school, school + "-" + key.year() + "-" + i, mean + (i % 5 - 2), 20, observed);
        }
    }

    @Test
    void aDropUnderObserversConfirmsTheEarlierResults() {
        AnalysisResult result = analyse();
        List<Sign> signs = Region.signs(result, SignCode.CONTROLLED_DROP);

        assertThat(signs).extracting(Sign::schoolCode).containsExactly("C");
        Sign c = signs.get(0);
        assertThat(c.year()).isEqualTo(2025);
        assertThat(c.n()).isEqualTo(20);
        assertThat(c.value()).isCloseTo(-2.2987176337467434, within(1e-9));
        assertThat(c.threshold()).isEqualTo(-1.0);
        assertThat(c.pValue()).isCloseTo(2.30236570759374e-17, within(1e-21));
        assertThat(c.explanation()).contains("с независимыми наблюдателями", "2,30");
        // a confirming marker puts the school in the red zone at once (A.9)
        assertThat(result.risk()).filteredOn(r -> r.schoolCode().equals("C") && r.year() == 2025)
                .extracting(RiskAssessment::zone).containsExactly(Zone.RED);
    }

    @Test
    void theSameDropWithoutObserversAndAnObservedSchoolThatHoldsAreNotSigns() {
        List<Sign> signs = Region.signs(analyse(), SignCode.CONTROLLED_DROP);
        assertThat(signs).extracting(Sign::schoolCode).doesNotContain("D", "E");
    }
}
