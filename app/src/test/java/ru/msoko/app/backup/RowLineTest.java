package ru.msoko.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RowLineTest {

    @Test
    void everyAwkwardValueComesBackAsItWasAndNullStaysDistinctFromTheTextBackslashN() {
        String[] values = {"1", null, "\\N", "", "a\tb", "строка\nвторая\r", "C:\\папка\\", "\\"};

        String line = RowLine.encode(values);

        assertThat(line).doesNotContain("\n", "\r");
        assertThat(line.split("\t", -1)).hasSize(values.length);
        assertThat(line).isEqualTo("1\t\\N\t\\\\N\t\ta\\tb\tстрока\\nвторая\\r\tC:\\\\папка\\\\\t\\\\");
        assertThat(RowLine.decode(line)).containsExactlyElementsOf(Arrays.asList(values));
    }

    @Test
    void aBrokenEscapeIsRejected() {
        assertThatThrownBy(() -> RowLine.decode("1\t\\x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\\x");
        assertThatThrownBy(() -> RowLine.decode("1\t\\")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowLine.decode("1\tx\\N")).isInstanceOf(IllegalArgumentException.class);
    }
}
