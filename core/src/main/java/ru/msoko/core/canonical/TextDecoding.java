package ru.msoko.core.canonical;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses the encoding of a text file the way users produce them: UTF-8 (with or without BOM) from
 * modern tools, Windows-1251 from Excel «CSV (разделители — точки с запятой)» on Russian Windows.
 */
public final class TextDecoding {

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    private TextDecoding() {
    }

    /** @param head the first bytes of the file (any length; a cut multi-byte character at the end is tolerated) */
    public static Charset detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        int end = trimIncompleteUtf8(head, length);
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1251;
        }
    }

    /** Drops a multi-byte UTF-8 sequence cut by the end of the buffer, so it does not look malformed. */
    private static int trimIncompleteUtf8(byte[] b, int length) {
        int i = length - 1;
        int back = 0;
        while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i < 0) {
            return length;
        }
        int lead = b[i] & 0xFF;
        int expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return expected > back + 1 ? i : length;
    }

    /** Picks the separator that occurs most often outside quotes in the header line; ties go to {@code ;}. */
    public static char detectSeparator(String headerLine) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }
}
