package ru.msoko.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    @Test
    void recognisesUtf8Cp1251AndBom() {
        byte[] utf8 = "школа;класс".getBytes(StandardCharsets.UTF_8);
        byte[] cp1251 = "школа;класс".getBytes(TextDecoding.WINDOWS_1251);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertThat(TextDecoding.detect(utf8, utf8.length)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextDecoding.detect(cp1251, cp1251.length)).isEqualTo(TextDecoding.WINDOWS_1251);
        assertThat(TextDecoding.detect(bom, bom.length)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aMultiByteCharacterCutByTheSniffWindowIsStillUtf8() {
        byte[] utf8 = "школа".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.detect(utf8, utf8.length - 1)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void separatorIsTheMostFrequentOutsideQuotes() {
        assertThat(TextDecoding.detectSeparator("a;b;c")).isEqualTo(';');
        assertThat(TextDecoding.detectSeparator("a,b,c")).isEqualTo(',');
        assertThat(TextDecoding.detectSeparator("\"a,b,c\";d;e")).isEqualTo(';');
        assertThat(TextDecoding.detectSeparator("a\tb\tc")).isEqualTo('\t');
    }
}
