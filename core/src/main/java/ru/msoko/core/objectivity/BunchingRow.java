package ru.msoko.core.objectivity;

/**
 * Region- or municipality-level bunching at one mark threshold (methods.md A.5 level 1; one row of
 * {@code bunching.csv}).
 *
 * @param area {@code регион} or a municipality code
 * @param counts numbers of works at t−2, t−1, t, t+1 primary points
 * @param counterfactual the polynomial's counts at the same points
 */
public record BunchingRow(String procedure, int year, String subject, int grade, String area, int mark, int threshold,
                          long works, long[] counts, double[] counterfactual, double missingMass, double excessMass,
                          double shareManipulated, double shareLow, double shareHigh) {
}
