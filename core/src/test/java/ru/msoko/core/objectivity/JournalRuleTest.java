package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.SchoolType;

class JournalRuleTest {

    private static final Procedure.Key MA5 = Region.vpr(2025, "Математика", 5);

    /**
     * Ten schools of 20 pupils, all with «3» for the work. S0: 10 pupils had «2» in the journal (ВПР above the
     * journal); S1: 12 pupils had «4» (ВПР below); every other school one pupil with «2». Region: up 19/200,
     * down 12/200.
     */
    private static AnalysisResult analyse() {
        Region region = new Region();
        for (int s = 0; s < 10; s++) {
            region.school("S" + s, SchoolType.SOSH);
            for (int i = 0; i < 20; i++) {
                int journal = 3;
                if (s == 0 && i < 10 || s > 0 && i == 0) {
                    journal = 2;
                } else if (s == 1 && i <= 12) {
                    journal = 4;
                }
                region.result(MA5, "S" + s, "S" + s + "-" + i, 10.0, 3, journal);
            }
        }
        return Region.analyse(region.build());
    }

    @Test
    void manyPupilsAboveTheirJournalMarkIsJournalDeflated() {
        List<Sign> signs = Region.signs(analyse(), SignCode.JOURNAL_DEFLATED);

        assertThat(signs).extracting(Sign::schoolCode).containsExactly("S0");
        Sign s = signs.get(0);
        assertThat(s.n()).isEqualTo(20);
        assertThat(s.value()).isEqualTo(0.5);
        // n·r = 1.9 < 5, so the exact binomial tail: scipy 1.17.1 `binom.sf(9, 20, 0.095)` = 4.4985732948398886e-06
        assertThat(s.pValue()).isCloseTo(4.4985732948398886e-06, within(1e-15));
    }

    @Test
    void manyPupilsBelowTheirJournalMarkIsJournalInflatedOnTheSeparateTrack() {
        AnalysisResult result = analyse();
        List<Sign> signs = Region.signs(result, SignCode.JOURNAL_INFLATED);

        assertThat(signs).extracting(Sign::schoolCode).containsExactly("S1");
        assertThat(signs.get(0).value()).isEqualTo(0.6);
        // scipy 1.17.1 `binom.sf(11, 20, 0.06)` = 1.7393006186728056e-10
        assertThat(signs.get(0).pValue()).isCloseTo(1.7393006186728056e-10, within(1e-18));
        RiskAssessment s1 = result.risk().stream().filter(r -> r.schoolCode().equals("S1")).findFirst().orElseThrow();
        assertThat(s1.zone()).isEqualTo(Zone.GREEN);
        assertThat(s1.internalAssessment()).contains("отметки по журналу выше отметок ВПР");
    }

    @Test
    void oneSupportingSignAloneDoesNotMakeAPriznak() {
        RiskAssessment s0 = analyse().risk().stream().filter(r -> r.schoolCode().equals("S0")).findFirst().orElseThrow();

        assertThat(s0.zone()).isEqualTo(Zone.GREEN);
        assertThat(s0.procedures()).isEmpty();
    }
}
