package ru.msoko.core.canonical;

import java.util.ArrayList;
import java.util.List;

/**
 * One record of a delimited file as {@link CsvTable} hands it out: the characters of all its fields in one array,
 * turned into a {@code String} only when a field is asked for as text. A results row has dozens of score cells that
 * are read as numbers ({@link #digits}); making a string of each was a third of reading a million rows.
 */
public final class CsvLine {

    private final long line;
    private final char[] chars;
    /** Where each field ends in {@link #chars}; a field starts where the one before it ends. */
    private final int[] ends;
    private final int count;
    /**
     * The last text made of each column, shared by the lines of one file (read by one thread, a line at a time):
     * most columns repeat their value from row to row (procedure, year, subject, school, class), and the same string
     * is handed out again instead of a new one.
     */
    private final String[] recent;
    private String[] texts;

    CsvLine(long line, char[] chars, int[] ends, int count, String[] recent) {
        this.line = line;
        this.chars = chars;
        this.ends = ends;
        this.count = count;
        this.recent = recent;
    }

    /** The line of the file the record starts on (a quoted field may span several lines). */
    public long getStartingLineNumber() {
        return line;
    }

    public int getFieldCount() {
        return count;
    }

    /** The field as written (quotes removed), never {@code null}; an index past the last field is an error. */
    public String getField(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("field " + i + " of a record with " + count);
        }
        if (texts == null) {
            texts = new String[count];
        }
        String s = texts[i];
        if (s == null) {
            s = text(i);
            texts[i] = s;
        }
        return s;
    }

    private String text(int i) {
        int start = start(i);
        int end = ends[i];
        String last = i < recent.length ? recent[i] : null;
        if (last != null && last.length() == end - start) {
            int k = 0;
            while (k < last.length() && last.charAt(k) == chars[start + k]) {
                k++;
            }
            if (k == last.length()) {
                return last;
            }
        }
        String s = new String(chars, start, end - start);
        if (i < recent.length) {
            recent[i] = s;
        }
        return s;
    }

    public List<String> getFields() {
        List<String> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(getField(i));
        }
        return all;
    }

    /**
     * The value of a field made of 1–9 ASCII digits and nothing else, or -1 for anything else (empty, spaces, a
     * sign, letters): read from the characters without making a string.
     */
    public int digits(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("field " + i + " of a record with " + count);
        }
        int start = start(i);
        int end = ends[i];
        if (end == start || end - start > 9) {
            return -1;
        }
        int v = 0;
        for (int k = start; k < end; k++) {
            char c = chars[k];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }
}
