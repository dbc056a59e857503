package ru.msoko.core.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** ВсОШ school stage (grades 5–11, autumn) and municipal stage (grades 7–11) for four subjects. */
final class OlympiadWriter {

    static final String HEADER = "procedure;year;date;subject;grade;school_code;participant;primary_score;max_score;status";
    static final String[] SUBJECTS = {"Математика", "Русский язык", "Биология", "История"};
    private static final int MAX = 50;
    /** Score at the school stage that sends a winner or prize-winner on to the municipal stage. */
    private static final double PASS_TO_MUNICIPAL = 25;
    /** Share of the school-stage participants an honest jury makes winners or prize-winners. */
    private static final double HONEST_PRIZES = 0.125;

    private final Cohorts cohorts;

    OlympiadWriter(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    private record Entry(String key, double theta, double score) {
    }

    void write(Csv csv, int year, Iterable<DemoSchool> schools) throws IOException {
        for (int subject = 0; subject < SUBJECTS.length; subject++) {
            for (int grade = 5; grade <= 11; grade++) {
                for (DemoSchool s : schools) {
                    if (s.teaches(grade)) {
                        schoolAndMunicipal(csv, year, subject, grade, s);
                    }
                }
            }
        }
    }

    private void schoolAndMunicipal(Csv csv, int year, int subject, int grade, DemoSchool s) throws IOException {
        int entry = year - grade;
        SplittableRandom r = cohorts.random(s.index, year, grade, 100 + subject);
        double boost = s.size(Manipulation.OLYMPIAD_INFLATED, year);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0, n = cohorts.size(s, entry); i < n; i++) {
            double theta = cohorts.ability(s, entry, i) + s.effect(year);
            if (r.nextDouble() < (theta > 0.8 ? 0.45 : 0.12)) {
                double score = half(MAX / (1 + Math.exp(-(1.1 * theta - 1.0 + 0.5 * r.nextGaussian()))));
                entries.add(new Entry(cohorts.key(s, entry, i), theta, Math.min(MAX, score + boost)));
            }
        }
        entries.sort((a, b) -> Double.compare(b.score, a.score));
        String common = year + ";" + year + "-10-" + String.format("%02d", 2 + subject * 5) + ";" + SUBJECTS[subject]
                + ";" + grade + ";" + s.code + ";";
        double prizeShare = Math.max(HONEST_PRIZES, s.share(Manipulation.OLYMPIAD_INFLATED, year));
        int prizes = Math.max(1, (int) (entries.size() * prizeShare));
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            String status = k == 0 && e.score >= MAX / 2.0 ? "победитель" : k < prizes && e.score >= MAX / 2.0
                    ? "призёр" : "участник";
            csv.row("ВсОШ-ШЭ;" + common + e.key + ";" + fmt(e.score) + ";" + MAX + ";" + status);
            if (grade >= 7 && !status.equals("участник") && e.score >= PASS_TO_MUNICIPAL) {
                double municipal = half(MAX / (1 + Math.exp(-(1.1 * e.theta - 1.6 + 0.5 * r.nextGaussian()))));
                String mStatus = municipal >= 40 ? "победитель" : municipal >= 30 ? "призёр" : "участник";
                csv.row("ВсОШ-МЭ;" + year + ";" + year + "-11-" + String.format("%02d", 10 + subject * 3) + ";"
                        + SUBJECTS[subject] + ";" + grade + ";" + s.code + ";" + e.key + ";" + fmt(municipal) + ";" + MAX
                        + ";" + mStatus);
            }
        }
    }

    private static double half(double v) {
        return Math.round(v * 2) / 2.0;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
