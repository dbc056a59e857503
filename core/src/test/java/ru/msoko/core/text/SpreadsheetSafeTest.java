package ru.msoko.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The formula-injection rule (OWASP «CSV Injection»): what is prefixed, what is left alone. */
class SpreadsheetSafeTest {

    @Test
    void textThatBeginsLikeAFormulaGetsAnApostrophe() {
        assertThat(SpreadsheetSafe.text("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(SpreadsheetSafe.text("@SUM(1)")).isEqualTo("'@SUM(1)");
        assertThat(SpreadsheetSafe.text("+7 999")).isEqualTo("'+7 999");
        assertThat(SpreadsheetSafe.text("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetSafe.text("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetSafe.text("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void ordinaryTextAndNullAreLeftAlone() {
        assertThat(SpreadsheetSafe.text("МБОУ \"СОШ № 1\" =1")).isEqualTo("МБОУ \"СОШ № 1\" =1");
        assertThat(SpreadsheetSafe.text(null)).isEmpty();
        assertThat(SpreadsheetSafe.text("")).isEmpty();
        // already neutralised: a second pass changes nothing
        assertThat(SpreadsheetSafe.text(SpreadsheetSafe.text("=1"))).isEqualTo("'=1");
    }

    @Test
    void aCsvFieldThatIsANumberStaysANumber() {
        assertThat(SpreadsheetSafe.csvField("-0.25")).isEqualTo("-0.25");
        assertThat(SpreadsheetSafe.csvField("-3")).isEqualTo("-3");
        assertThat(SpreadsheetSafe.csvField("-1.5e-7")).isEqualTo("-1.5e-7");
        assertThat(SpreadsheetSafe.csvField("0.5")).isEqualTo("0.5");
        assertThat(SpreadsheetSafe.csvField("-2,5")).isEqualTo("-2,5");
        // not a plain number: an expression, a leading plus, a list of numbers
        assertThat(SpreadsheetSafe.csvField("-1+2")).isEqualTo("'-1+2");
        assertThat(SpreadsheetSafe.csvField("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetSafe.csvField("-0.1 2 3")).isEqualTo("'-0.1 2 3");
        assertThat(SpreadsheetSafe.csvField("-")).isEqualTo("'-");
        assertThat(SpreadsheetSafe.csvField("-1,2;3")).isEqualTo("'-1,2;3");
        assertThat(SpreadsheetSafe.csvField("@SUM(1)")).isEqualTo("'@SUM(1)");
    }
}
