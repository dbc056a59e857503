package ru.msoko.core.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.scales.MarkScale.Band;

class MarkScaleTest {

    private static List<Band> bands(int... bounds) {
        return List.of(new Band(2, bounds[0], bounds[1]), new Band(3, bounds[2], bounds[3]),
                new Band(4, bounds[4], bounds[5]), new Band(5, bounds[6], bounds[7]));
    }

    @Test
    void convertsPrimaryScoresToMarks() {
        MarkScale maths5 = new MarkScale(ProcedureKind.VPR, 2021, "MA", 5, null, bands(0, 6, 7, 10, 11, 14, 15, 20),
                "VPR_MA-5_Opisanie_2021.pdf", "");

        assertThat(maths5.maxPrimary()).isEqualTo(20);
        assertThat(maths5.variant()).isEmpty();
        assertThat(maths5.mark(0)).hasValue(2);
        assertThat(maths5.mark(6)).hasValue(2);
        assertThat(maths5.mark(7)).hasValue(3);
        assertThat(maths5.mark(14.5)).hasValue(4);
        assertThat(maths5.mark(20)).hasValue(5);
        assertThat(maths5.mark(21)).isEqualTo(OptionalInt.empty());
    }

    @Test
    void anOverlapIsRejectedNamingBothBands() {
        assertThat(MarkScale.check(bands(0, 12, 13, 26, 27, 35, 35, 40))).extracting(MarkScale.BandProblem::message)
                .containsExactly("отметка «5» (35–40) пересекается с отметкой «4» (27–35) на балле 35");
        assertThat(MarkScale.check(bands(0, 6, 5, 10, 11, 14, 15, 20))).extracting(MarkScale.BandProblem::message)
                .containsExactly("отметка «3» (5–10) пересекается с отметкой «2» (0–6) на баллах 5–6");
    }

    @Test
    void gapsAndAMissingStartAreRejected() {
        assertThat(MarkScale.check(bands(0, 6, 8, 10, 11, 14, 17, 20))).extracting(MarkScale.BandProblem::message)
                .containsExactly("между отметкой «2» (0–6) и отметкой «3» (8–10) пропущен балл 7",
                        "между отметкой «4» (11–14) и отметкой «5» (17–20) пропущены баллы 15–16");
        assertThat(MarkScale.check(bands(2, 6, 7, 10, 11, 14, 15, 20))).extracting(MarkScale.BandProblem::message)
                .containsExactly("баллы 0–1 не получают отметки: отметка «2» (2–6) начинается не с 0");
        assertThat(MarkScale.check(bands(0, 6, 10, 7, 11, 14, 15, 20))).extracting(MarkScale.BandProblem::mark)
                .containsExactly(3);
    }

    @Test
    void aScaleCannotBeBuiltFromBadBands() {
        assertThatThrownBy(() -> new MarkScale(ProcedureKind.VPR, 2021, "GE", 8, "", bands(0, 12, 13, 26, 27, 35, 35, 40),
                "", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("отметка «5» (35–40) пересекается с отметкой «4» (27–35) на балле 35");
    }

    @Test
    void aCorrectionMustSayWhoConfirmedItAndWhy() {
        assertThatThrownBy(() -> new ScaleCorrection(ProcedureKind.VPR, 2021, "GE", 8, "", 5, 36, 40, " ", "опечатка"))
                .hasMessage("исправление шкалы должно быть подтверждено: укажите, кто его подтвердил (confirmed_by) и почему (reason)");
    }
}
