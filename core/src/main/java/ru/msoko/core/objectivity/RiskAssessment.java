package ru.msoko.core.objectivity;

import java.util.List;

/**
 * The risk zone of a school in a year (one row of {@code risk.csv}).
 *
 * @param score higher = more suspicious: 3 per confirming, 2 per strong, 1 per supporting sign, 1 per
 *              procedure whose признак repeats from the previous year
 * @param signs codes of the counted signs of the year
 * @param procedures procedures with a «признак необъективности», e.g. «ВПР 5 кл., Математика»
 * @param internalAssessment the separate track (journal and annual marks vs external marks), or empty
 * @param history zones of the previous years, e.g. {@code 2024:green|2025:red}
 * @param official whether the school is on an imported official list for the year (null: no list loaded)
 * @param reconciliation {@code both}, {@code only_ours}, {@code only_official}, {@code neither}, or empty
 */
public record RiskAssessment(String schoolCode, String schoolName, String municipalityCode, int year, Zone zone,
                             double score, List<SignCode> signs, List<String> procedures, String explanation,
                             String internalAssessment, String history, Boolean official, String reconciliation) {

    public RiskAssessment {
        signs = List.copyOf(signs);
        procedures = List.copyOf(procedures);
    }
}
