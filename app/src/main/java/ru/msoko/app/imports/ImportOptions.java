package ru.msoko.app.imports;

/**
 * Choices of the user for one import.
 *
 * @param createMissing create unknown schools and subjects instead of rejecting the file
 * @param municipalityCode municipality of schools created with {@code createMissing}
 * @param skipInvalidRows store the valid rows of a results file whose only problems are in single rows, and list
 *                        the rows left out (as a rejected attempt with its workbook) instead of rejecting the file
 */
public record ImportOptions(boolean createMissing, String municipalityCode, boolean skipInvalidRows) {
    public static final ImportOptions STRICT = new ImportOptions(false, null, false);

    public ImportOptions(boolean createMissing, String municipalityCode) {
        this(createMissing, municipalityCode, false);
    }
}
