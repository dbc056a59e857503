package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.msoko.core.domain.SchoolType;

class YearJumpRuleTest {

    /**
     * Marks only (no primary scores), 20 schools with marks 2..5 in turn, the same in both years, and school U
     * whose 12 pupils got «5» in both years: U's spread is zero and its change is zero, so the test statistic was
     * 0 / 0. Found by the dashboard's browser test, where such a school made the whole analysis fail («z must not
     * be NaN»).
     */
    @Test
    void aSchoolWithoutSpreadDoesNotBreakTheAnalysis() {
        Region region = new Region();
        for (int year = 2024; year <= 2025; year++) {
            var key = Region.vpr(year, "Математика", 5);
            for (int s = 0; s < 20; s++) {
                region.school("S" + s, SchoolType.SOSH);
                for (int i = 0; i < 12; i++) {
                    region.result(key, "S" + s, "S" + s + "-" + year + "-" + i, null, 2 + (i + s) % 4, null);
                }
            }
            region.school("U", SchoolType.SOSH);
            for (int i = 0; i < 12; i++) {
                region.result(key, "U", "U-" + year + "-" + i, null, 5, null);
            }
        }

        AnalysisResult result = Region.analyse(region.build());

        // the analysis ends, U is assessed, and no change is no jump
        assertThat(result.risk()).extracting(RiskAssessment::schoolCode).contains("U");
        assertThat(Region.signs(result, SignCode.YEAR_JUMP)).extracting(Sign::schoolCode).doesNotContain("U");
    }
}
