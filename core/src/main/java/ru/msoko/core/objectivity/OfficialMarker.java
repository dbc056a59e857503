package ru.msoko.core.objectivity;

/**
 * A school on an official ФИС ОКО list of schools with signs of non-objective results for a year.
 *
 * @param procedures the list's marker columns that are set, e.g. «4 РУ; 5 МА»
 */
public record OfficialMarker(String schoolCode, int year, String procedures) {
}
