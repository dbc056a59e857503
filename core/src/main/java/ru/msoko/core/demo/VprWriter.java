package ru.msoko.core.demo;

import java.io.IOException;
import java.util.SplittableRandom;

/** Writes one ВПР work (subject × grade) of one year for every school, with the planted manipulations. */
final class VprWriter {

    private static final String HEADER = "procedure;year;date;subject;grade;school_code;participant;class;gender;variant";

    private final Cohorts cohorts;

    VprWriter(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    static String header(Work work) {
        return HEADER + work.header() + ";primary_score;mark;journal_mark";
    }

    void write(Csv csv, Work work, int year, Iterable<DemoSchool> schools) throws IOException {
        String date = String.format("%d-04-%02d", year, 8 + work.grade() + (work.subject().startsWith("М") ? 0 : 7));
        for (DemoSchool s : schools) {
            if (!s.teaches(work.grade())) {
                continue;
            }
            int entry = year - work.grade();
            SplittableRandom r = cohorts.random(s.index, year, work.grade(), work.subject().hashCode());
            int[] copied = null;
            for (int i = 0, n = cohorts.size(s, entry); i < n; i++) {
                String prefix = "ВПР;" + year + ";" + date + ";" + work.subject() + ";" + work.grade() + ";" + s.code
                        + ";" + cohorts.key(s, entry, i) + ";" + Cohorts.classLabel(work.grade(), i) + ";"
                        + (cohorts.female(s, entry, i) ? "ж" : "м") + ";";
                if (r.nextDouble() < 0.06) {
                    csv.row(prefix + "отсутствовал" + ";".repeat(work.labels().size()) + ";;;"
                            + journal(s, year, 2 + r.nextInt(4), r));
                    continue;
                }
                double theta = cohorts.ability(s, entry, i) + s.effect
                        + (s.manipulates(Manipulation.INFLATED_NOT_CONFIRMED, year) ? 1.1 : 0);
                int[] scores = scores(work, theta, s.manipulates(Manipulation.HINTS, year), r);
                if (s.manipulates(Manipulation.COPYING, year) && i < 25) {
                    if (copied == null) {
                        copied = scores;
                    } else if (i % 5 != 0) {
                        scores = copied.clone();
                    }
                }
                if (s.manipulates(Manipulation.LENIENT_MARKING, year)) {
                    lift(work, scores);
                }
                int primary = total(scores);
                int mark = work.mark(primary);
                csv.row(prefix + (1 + r.nextInt(2)) + tasks(scores) + ";" + primary + ";" + mark + ";"
                        + journal(s, year, mark, r));
            }
        }
    }

    /** Scores per task, -1 = not attempted; later tasks are harder (a logistic model per score point). */
    private static int[] scores(Work work, double theta, boolean hints, SplittableRandom r) {
        int tasks = work.max().length;
        int[] scores = new int[tasks];
        for (int t = 0; t < tasks; t++) {
            double position = tasks == 1 ? 0 : (double) t / (tasks - 1);
            double p = 1 / (1 + Math.exp(-(1.3 * theta + 1.2 - 2.6 * position)));
            if (hints && position > 0.6) {
                p = Math.max(p, 0.9);
            }
            if (r.nextDouble() < 0.02 + 0.15 * position * (1 - p)) {
                scores[t] = -1;
                continue;
            }
            for (int k = 0; k < work.max()[t]; k++) {
                scores[t] += r.nextDouble() < p ? 1 : 0;
            }
        }
        return scores;
    }

    /** Lenient marking: a work one or two points short of «3» or «4» gets the missing points. */
    private static void lift(Work work, int[] scores) {
        int primary = total(scores);
        for (int threshold : new int[] {work.thresholds()[0], work.thresholds()[1]}) {
            if (primary == threshold - 1 || primary == threshold - 2) {
                for (int t = 0; t < scores.length && primary < threshold; t++) {
                    while (scores[t] < work.max()[t] && primary < threshold) {
                        scores[t] = Math.max(scores[t], 0) + 1;
                        primary++;
                    }
                }
            }
        }
    }

    /**
     * Journal mark for the previous term. Honest schools: ВПР below the journal for about a third of
     * pupils, equal for most, above for a few (the Altai МА-5 2021 split is 35 / 58 / 7 %).
     */
    private static String journal(DemoSchool s, int year, int mark, SplittableRandom r) {
        double u = r.nextDouble();
        int j;
        if (s.manipulates(Manipulation.JOURNAL_INFLATED, year)) {
            j = u < 0.55 ? mark + 1 : u < 0.8 ? mark + 2 : mark;
        } else {
            j = u < 0.33 ? mark + 1 : u < 0.40 ? mark - 1 : mark;
        }
        return String.valueOf(Math.max(2, Math.min(5, j)));
    }

    static int total(int[] scores) {
        int sum = 0;
        for (int s : scores) {
            sum += Math.max(0, s);
        }
        return sum;
    }

    private static String tasks(int[] scores) {
        StringBuilder sb = new StringBuilder();
        for (int s : scores) {
            sb.append(';').append(s < 0 ? "X" : String.valueOf(s));
        }
        return sb.toString();
    }
}
