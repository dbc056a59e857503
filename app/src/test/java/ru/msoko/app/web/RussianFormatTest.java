package ru.msoko.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RussianFormatTest {

    private final RussianFormat fmt = new RussianFormat();

    @Test
    void pluralFormsFollowRussianGrammar() {
        String[] expected = {"школ", "школа", "школы", "школы", "школы", "школ", "школ", "школ", "школ", "школ", "школ",
                "школ", "школ", "школ", "школ"};
        for (int n = 0; n < expected.length; n++) {
            assertThat(RussianFormat.plural(n, "школа", "школы", "школ")).as("n=" + n).isEqualTo(expected[n]);
        }
        assertThat(RussianFormat.plural(21, "школа", "школы", "школ")).isEqualTo("школа");
        assertThat(RussianFormat.plural(22, "школа", "школы", "школ")).isEqualTo("школы");
        assertThat(RussianFormat.plural(111, "школа", "школы", "школ")).isEqualTo("школ");
        assertThat(RussianFormat.plural(1001, "школа", "школы", "школ")).isEqualTo("школа");
    }

    @Test
    void numbersUseNonBreakingSpacesAndADecimalComma() {
        assertThat(fmt.integer(1_234_567)).isEqualTo("1\u00A0234\u00A0567");
        assertThat(fmt.decimal(12.345)).isEqualTo("12,3");
        assertThat(fmt.decimal(null)).isEqualTo("—");
        assertThat(fmt.percent(1, 3)).isEqualTo("33,3\u00A0%");
        assertThat(fmt.percent(1, 0)).isEqualTo("—");
        assertThat(fmt.wholePercent(24)).isEqualTo("24\u00A0%"); // a job's progress: never «24%»
        assertThat(fmt.signed(1.46)).isEqualTo("+1,5");
        assertThat(fmt.signed(-0.26)).isEqualTo("\u22120,3"); // a true minus sign, not a hyphen
        assertThat(fmt.signed(0.04)).isEqualTo("0,0");
        assertThat(fmt.signed(null)).isEqualTo("—");
        assertThat(fmt.count(5, "школа", "школы", "школ")).isEqualTo("5\u00A0школ");
    }
}
