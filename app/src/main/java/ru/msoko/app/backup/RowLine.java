package ru.msoko.app.backup;

import java.util.ArrayList;
import java.util.List;

/**
 * One row as one line of a table file: values separated by tabs; a backslash escapes tab ({@code \t}), newline
 * ({@code \n}), carriage return ({@code \r}) and itself ({@code \\}); {@code \N} is NULL — the text format of
 * PostgreSQL's COPY. The line is also the row's canonical form for the checksum.
 */
final class RowLine {

    static final String NULL = "\\N";

    private RowLine() {
    }

    static String encode(String[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            if (values[i] == null) {
                sb.append(NULL);
            } else {
                escape(values[i], sb);
            }
        }
        return sb.toString();
    }

    private static void escape(String v, StringBuilder sb) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }

    /** The values of a line; null for {@code \N}. Throws IllegalArgumentException on a malformed escape. */
    static List<String> decode(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean isNull = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\t') {
                out.add(field(sb, isNull));
                sb.setLength(0);
                isNull = false;
            } else if (ch == '\\') {
                if (++i == line.length()) {
                    throw new IllegalArgumentException("обратная косая черта в конце строки");
                }
                char next = line.charAt(i);
                switch (next) {
                    case '\\' -> sb.append('\\');
                    case 't' -> sb.append('\t');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 'N' -> isNull = true;
                    default -> throw new IllegalArgumentException("неизвестная последовательность \\" + next);
                }
            } else {
                sb.append(ch);
            }
        }
        out.add(field(sb, isNull));
        return out;
    }

    private static String field(StringBuilder sb, boolean isNull) {
        if (isNull && sb.length() > 0) {
            throw new IllegalArgumentException("\\N вместе с текстом «" + sb + "»");
        }
        return isNull ? null : sb.toString();
    }
}
