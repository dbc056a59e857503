package ru.msoko.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The dirty values listed in data-formats.md §1.7. */
class ValuesTest {

    @Test
    void everySpellingOfNotAttempted() {
        for (String s : new String[] {"X", "x", "Х", "х", "-", "—", "не пройд.", "", "  "}) {
            assertThat(Values.isNotAttempted(s)).as(s).isTrue();
        }
        assertThat(Values.isNotAttempted("0")).isFalse();
        assertThat(Values.isNotAttempted("1")).isFalse();
    }

    @Test
    void absence() {
        assertThat(Values.isAbsent("отсутствовал")).isTrue();
        assertThat(Values.isAbsent(" Отсутствовал ")).isTrue();
        assertThat(Values.isAbsent("1")).isFalse();
        assertThat(Values.isAbsent(null)).isFalse();
    }

    @Test
    void marks() {
        assertThat(Values.mark("5")).isEqualTo(5);
        assertThat(Values.mark(" 2 ")).isEqualTo(2);
        assertThat(Values.mark("нет отметки")).isNull();
        assertThat(Values.mark("")).isNull();
        assertThatThrownBy(() -> Values.mark("ж")).hasMessageContaining("не отметка");
        assertThatThrownBy(() -> Values.mark("6")).hasMessageContaining("не отметка");
    }

    @Test
    void passFail() {
        assertThat(Values.passFail("зачёт")).isTrue();
        assertThat(Values.passFail("Незачет")).isFalse();
        assertThat(Values.passFail("не зачёт")).isFalse();
        assertThatThrownBy(() -> Values.passFail("5")).hasMessageContaining("зачёт");
    }

    @Test
    void decimalsWithCommaOrPoint() {
        assertThat(Values.decimal("12,5")).isEqualTo(12.5);
        assertThat(Values.decimal("12.5")).isEqualTo(12.5);
        assertThat(Values.decimal("1 234")).isEqualTo(1234.0);
        assertThat(Values.decimal("")).isNull();
        assertThatThrownBy(() -> Values.decimal("двенадцать")).hasMessageContaining("не число");
    }

    @Test
    void classLabelsAreNormalised() {
        assertThat(Values.classLabel("\"а\"", 5)).isEqualTo("5А");
        assertThat(Values.classLabel("А", 4)).isEqualTo("4А");
        assertThat(Values.classLabel("11а", 11)).isEqualTo("11А");
        assertThat(Values.classLabel("НЕТ", 4)).isNull();
        assertThat(Values.classLabel("4", 4)).isEqualTo("4");
    }

    @Test
    void datesInBothNotations() {
        assertThat(Values.date("2025-04-15")).isEqualTo(LocalDate.of(2025, 4, 15));
        assertThat(Values.date("15.04.2025")).isEqualTo(LocalDate.of(2025, 4, 15));
        assertThatThrownBy(() -> Values.date("15/04/2025")).hasMessageContaining("не дата");
    }

    @Test
    void flags() {
        assertThat(Values.flag("1")).isTrue();
        assertThat(Values.flag("да")).isTrue();
        assertThat(Values.flag("")).isFalse();
        assertThatThrownBy(() -> Values.flag("может быть")).hasMessageContaining("1 или 0");
    }
}
