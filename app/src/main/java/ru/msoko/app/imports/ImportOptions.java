package ru.msoko.app.imports;

import ru.msoko.core.progress.Progress;

/**
 * Choices of the user for one import.
 *
 * @param createMissing create unknown schools and subjects instead of rejecting the file
 * @param municipalityCode municipality of schools created with {@code createMissing}
 * @param skipInvalidRows store the valid rows of a results file whose only problems are in single rows, and list
 *                        the rows left out (as a rejected attempt with its workbook) instead of rejecting the file
 * @param progress where the import reports its phases (a background job's progress bar); {@link Progress#NONE}
 */
public record ImportOptions(boolean createMissing, String municipalityCode, boolean skipInvalidRows,
                            Progress progress) {
    public static final ImportOptions STRICT = new ImportOptions(false, null, false);

    public ImportOptions(boolean createMissing, String municipalityCode, boolean skipInvalidRows) {
        this(createMissing, municipalityCode, skipInvalidRows, Progress.NONE);
    }

    public ImportOptions(boolean createMissing, String municipalityCode) {
        this(createMissing, municipalityCode, false);
    }

    /** The same choices, reporting to {@code p}. */
    public ImportOptions withProgress(Progress p) {
        return new ImportOptions(createMissing, municipalityCode, skipInvalidRows, p);
    }
}
