package ru.msoko.core.demo;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Writes one ВПР work (subject × grade) of one year for every school, with the planted manipulations.
 * Every pupil's honest work is drawn together with the written one from the same random numbers, so a
 * manipulation only moves what it touches; the journal follows the honest work (the teacher knows the
 * pupil), the re-check undoes the lenient lift.
 */
final class VprWriter {

    private static final String HEADER = "procedure;year;date;subject;grade;school_code;participant;class;gender;variant";
    /** Pupils of the first class: the one that copies. */
    private static final int CLASS = 25;

    private final Cohorts cohorts;
    private final Rechecks rechecks;
    private int[] honest;
    private int[] written;
    private int[] copied;

    VprWriter(Cohorts cohorts) {
        this.cohorts = cohorts;
        this.rechecks = new Rechecks(cohorts);
    }

    static String header(Work work) {
        return HEADER + work.header() + ";primary_score;mark;journal_mark;rechecked_score";
    }

    void write(Csv csv, Work work, int year, Iterable<DemoSchool> schools) throws IOException {
        String date = String.format("%d-04-%02d", year, 8 + work.grade() + (work.subject().startsWith("М") ? 0 : 7));
        int tasks = work.max().length;
        honest = new int[tasks];
        written = new int[tasks];
        copied = new int[tasks];
        for (DemoSchool s : schools) {
            if (s.teaches(work.grade())) {
                boolean[] rechecked = rechecks.sampled(s, year, work)
                        ? Rechecks.select(work, school(null, work, year, date, s, null))
                        : null;
                school(csv, work, year, date, s, rechecked);
            }
        }
    }

    /**
     * Writes the school's works, or without {@code csv} only draws them (the same random numbers) and
     * returns their primary scores (-1 = absent) for the re-check to choose from.
     */
    private int[] school(Csv csv, Work work, int year, String date, DemoSchool s, boolean[] rechecked)
            throws IOException {
        int entry = year - work.grade();
        int n = cohorts.size(s, entry);
        int[] primaries = csv == null ? new int[n] : null;
        SplittableRandom r = cohorts.random(s.index, year, work.grade(), work.subject().hashCode());
        SplittableRandom expert = rechecked == null ? null : rechecks.expert(s, year, work);
        double shift = s.size(Manipulation.INFLATED_NOT_CONFIRMED, year)
                + (work.grade() == 4 ? s.size(Manipulation.COHORT_INFLATED, year) : 0);
        double hint = s.size(Manipulation.HINTS, year);
        double hinted = s.share(Manipulation.HINTS, year);
        double copying = s.share(Manipulation.COPYING, year);
        double lenient = s.share(Manipulation.LENIENT_MARKING, year);
        double journalInflation = s.size(Manipulation.JOURNAL_INFLATED, year);
        int tasks = work.max().length;
        boolean source = false;
        for (int i = 0; i < n; i++) {
            String prefix = csv == null ? "" : "ВПР;" + year + ";" + date + ";" + work.subject() + ";" + work.grade()
                    + ";" + s.code + ";" + cohorts.key(s, entry, i) + ";" + Cohorts.classLabel(work.grade(), i) + ";"
                    + (cohorts.female(s, entry, i) ? "ж" : "м") + ";";
            if (r.nextDouble() < 0.06) {
                String journal = journal(2 + r.nextInt(4), journalInflation, r);
                if (csv == null) {
                    primaries[i] = -1;
                } else {
                    csv.row(prefix + "отсутствовал" + ";".repeat(tasks) + ";;;" + journal + ";");
                }
                continue;
            }
            double theta = cohorts.ability(s, entry, i) + s.effect(year);
            double pupilHint = hinted > 0 && r.nextDouble() < hinted ? hint : 0;
            scores(work, theta, shift, pupilHint, r, honest, written);
            if (copying > 0 && i < CLASS) {
                if (!source) {
                    System.arraycopy(written, 0, copied, 0, tasks);
                    source = true;
                } else if (r.nextDouble() < copying) {
                    System.arraycopy(copied, 0, written, 0, tasks);
                }
            }
            int beforeLift = total(written);
            int primary = lenient > 0 ? lift(work, written, beforeLift, lenient, r) : beforeLift;
            String variant = String.valueOf(1 + r.nextInt(2));
            String journal = journal(work.mark(total(honest)), journalInflation, r);
            if (csv == null) {
                primaries[i] = primary;
            } else {
                String recheck = rechecked != null && rechecked[i]
                        ? String.valueOf(Rechecks.score(beforeLift, work.total(), expert)) : "";
                csv.row(prefix + variant + tasks(written) + ";" + primary + ";" + work.mark(primary) + ";" + journal
                        + ";" + recheck);
            }
        }
        return primaries;
    }

    /**
     * Scores per task, -1 = not attempted; later tasks are harder (a logistic model per score point).
     * {@code honest} gets the pupil's true level, {@code written} the level shifted by {@code shift} and
     * the hard tasks solved with probability at least {@code hint}, from the same random numbers.
     */
    private static void scores(Work work, double theta, double shift, double hint, SplittableRandom r,
                               int[] honest, int[] written) {
        int tasks = work.max().length;
        for (int t = 0; t < tasks; t++) {
            double position = tasks == 1 ? 0 : (double) t / (tasks - 1);
            double p = solve(theta, position);
            double q = shift == 0 ? p : solve(theta + shift, position);
            if (position > 0.6) {
                q = Math.max(q, hint);
            }
            double u = r.nextDouble();
            honest[t] = u < 0.02 + 0.15 * position * (1 - p) ? -1 : 0;
            written[t] = u < 0.02 + 0.15 * position * (1 - q) ? -1 : 0;
            if (honest[t] < 0 && written[t] < 0) {
                continue;
            }
            for (int k = 0; k < work.max()[t]; k++) {
                double v = r.nextDouble();
                honest[t] += honest[t] >= 0 && v < p ? 1 : 0;
                written[t] += written[t] >= 0 && v < q ? 1 : 0;
            }
        }
    }

    private static double solve(double theta, double position) {
        return 1 / (1 + Math.exp(-(1.3 * theta + 1.2 - 2.6 * position)));
    }

    /**
     * Lenient marking: a work one or two points short of «3» or «4» gets the missing points with
     * probability {@code share}, first on tasks the pupil attempted. Returns the new primary score.
     */
    private static int lift(Work work, int[] scores, int primary, double share, SplittableRandom r) {
        for (int k = 0; k < 2; k++) {
            int threshold = work.thresholds()[k];
            if (primary == threshold - 1 || primary == threshold - 2) {
                if (r.nextDouble() >= share) {
                    return primary;
                }
                for (int pass = 0; pass < 2 && primary < threshold; pass++) {
                    for (int t = 0; t < scores.length && primary < threshold; t++) {
                        while ((scores[t] >= 0 || pass == 1) && scores[t] < work.max()[t] && primary < threshold) {
                            scores[t] = Math.max(scores[t], 0) + 1;
                            primary++;
                        }
                    }
                }
                return primary;
            }
        }
        return primary;
    }

    /**
     * Journal mark for the previous term. Honest schools: ВПР below the journal for about a third of
     * pupils, equal for most, above for a few (the Altai МА-5 2021 split is 35 / 58 / 7 %). An inflating
     * school adds {@code inflation} marks on average (randomised rounding).
     */
    private static String journal(int mark, double inflation, SplittableRandom r) {
        double u = r.nextDouble();
        int j = u < 0.33 ? mark + 1 : u < 0.40 ? mark - 1 : mark;
        if (inflation > 0) {
            j += (int) (inflation + r.nextDouble());
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
