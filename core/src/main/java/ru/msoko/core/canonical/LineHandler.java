package ru.msoko.core.canonical;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.Arrays;

/**
 * Collects the fields FastCSV's parser finds into a {@link CsvLine}: their characters copied into one array per
 * record instead of a string per field. The limits are FastCSV's own defaults, so a hostile file (one endless field,
 * a line of a million separators) is refused as before instead of filling the memory.
 */
final class LineHandler extends CsvCallbackHandler<CsvLine> {

    static final int MAX_FIELDS = 16_384;
    static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

    private char[] chars = new char[1024];
    private int[] ends = new int[64];
    private int count;
    private int size;
    private long line;
    private RecordType type = RecordType.DATA;
    /** The last text of each of the first columns, for {@link CsvLine}: values repeat from row to row. */
    private final String[] recent = new String[256];

    @Override
    protected RecordType getRecordType() {
        return type;
    }

    @Override
    protected int getFieldCount() {
        return count;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
        line = startingLineNumber;
        count = 0;
        size = 0;
        type = RecordType.DATA;
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
        if (count == MAX_FIELDS) {
            throw new CsvParseException("record starting at line " + line + " has more than " + MAX_FIELDS
                    + " fields");
        }
        if (size + len > MAX_RECORD_CHARS) {
            throw new CsvParseException("record starting at line " + line + " is longer than " + MAX_RECORD_CHARS
                    + " characters");
        }
        if (size + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, size + len));
        }
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        System.arraycopy(buf, offset, chars, size, len);
        size += len;
        ends[count++] = size;
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
        // comments are not enabled on the reader (a «#» is data in these files)
        type = RecordType.COMMENT;
    }

    @Override
    protected void setEmpty() {
        type = RecordType.EMPTY;
        count = 1;
        size = 0;
        ends[0] = 0;
    }

    @Override
    protected CsvLine buildRecord() {
        return new CsvLine(line, Arrays.copyOf(chars, size), Arrays.copyOf(ends, count), count, recent);
    }
}
