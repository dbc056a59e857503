package ru.msoko.core.canonical;

/**
 * One thing wrong with an input file, located as precisely as the format allows.
 *
 * @param sheet sheet name for spreadsheets, {@code null} for CSV
 * @param row 1-based row (line) number in the file, 0 when the problem concerns the whole file
 * @param column column header as written in the file, {@code null} when the problem concerns the whole row
 */
public record Problem(String file, String sheet, long row, String column, String message) {

    public static Problem ofFile(String file, String message) {
        return new Problem(file, null, 0, null, message);
    }

    /** Russian one-line description: «results.csv, строка 12, столбец «mark»: …». */
    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (sheet != null) {
            sb.append(", лист «").append(sheet).append('»');
        }
        if (row > 0) {
            sb.append(", строка ").append(row);
        }
        if (column != null) {
            sb.append(", столбец «").append(column).append('»');
        }
        return sb.append(": ").append(message).toString();
    }
}
