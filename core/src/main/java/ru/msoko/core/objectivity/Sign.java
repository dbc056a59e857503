package ru.msoko.core.objectivity;

/**
 * A sign that holds for a school in one procedure (one row of {@code signs.csv}).
 *
 * @param grade 0 when the unit pools the grades (olympiad stage, medals)
 * @param pValue one-sided p-value of the rule's test, NaN for rules without one
 * @param qValue Benjamini–Hochberg adjusted p-value over all tests of the run, NaN without a p-value
 * @param counted false when the sign is shown but not counted: an exempt profile school, a level or
 *                official-list sign, a sign of the internal-assessment track
 * @param evidence the numbers behind it as {@code key=value|…}
 */
public record Sign(String schoolCode, int year, String procedure, String subject, int grade, SignCode code, int n,
                   double value, double threshold, double pValue, double qValue, boolean counted, String evidence,
                   String explanation) {

    public MarkerClass markerClass() {
        return code.markerClass();
    }

    /** «ВПР 5 кл., Математика». */
    public String unitLabel() {
        return procedure + (grade > 0 ? " " + grade + " кл." : "") + ", " + subject;
    }
}
