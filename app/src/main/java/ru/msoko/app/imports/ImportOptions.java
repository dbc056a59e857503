package ru.msoko.app.imports;

/**
 * Choices of the user for one import.
 *
 * @param createMissing create unknown schools and subjects instead of rejecting the file
 * @param municipalityCode municipality of schools created with {@code createMissing}
 */
public record ImportOptions(boolean createMissing, String municipalityCode) {
    public static final ImportOptions STRICT = new ImportOptions(false, null);
}
