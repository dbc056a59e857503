package ru.msoko.core.demo;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * ОГЭ (grade 9) and ЕГЭ (grade 11) results. They follow the pupils' true ability and the school's true
 * effect only: a school that inflates its ВПР is not confirmed here. What a school can inflate here are
 * its own marks: the annual marks next to the ОГЭ and the medal candidates of the ЕГЭ. The ГИА files
 * name schools by their ГИА code, as РЦОИ files do.
 */
final class ExamWriter {

    static final String OGE_HEADER = "procedure;year;date;subject;grade;school_code;participant;gender;primary_score;mark;annual_mark";
    static final String EGE_HEADER = "procedure;year;date;subject;grade;school_code;participant;gender;primary_score;score;annual_mark;medal_candidate";

    private final Cohorts cohorts;

    ExamWriter(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    void oge(Csv csv, int year, Iterable<DemoSchool> schools) throws IOException {
        for (DemoSchool s : schools) {
            if (!s.teaches(9)) {
                continue;
            }
            int entry = year - 9;
            SplittableRandom r = cohorts.random(s.index, year, 9, 1);
            double inflation = s.size(Manipulation.SCHOOL_EXAM_INFLATED, year);
            for (int i = 0, n = cohorts.size(s, entry); i < n; i++) {
                double theta = cohorts.ability(s, entry, i) + s.effect(year);
                String who = ";" + s.giaCode + ";" + cohorts.key(s, entry, i) + ";"
                        + (cohorts.female(s, entry, i) ? "ж" : "м") + ";";
                int ru = binomial(Scales.OGE_RUSSIAN_MAX, p(theta, 0.5), r);
                int ma = binomial(Scales.OGE_MATHS_MAX, p(theta, -0.1), r);
                int ruMark = Scales.mark(ru, Scales.OGE_RUSSIAN);
                int maMark = Scales.mark(ma, Scales.OGE_MATHS);
                csv.row("ОГЭ;" + year + ";" + year + "-06-03;Русский язык;9" + who + ru + ";" + ruMark + ";"
                        + annual(ruMark, inflation, r));
                csv.row("ОГЭ;" + year + ";" + year + "-05-27;Математика;9" + who + ma + ";" + maMark + ";"
                        + annual(maMark, inflation, r));
            }
        }
    }

    /**
     * ЕГЭ Russian and profile maths of the 60% of the cohort that take them. Honest medal candidates are
     * pupils whom their teachers see as very strong (true ability plus the teachers' error above 1.3,
     * seven in ten of them); most of them reach 70 in Russian. A school inflating medals adds weak
     * pupils (true ability between -1.5 and -0.2) as candidates, who mostly do not.
     */
    void ege(Csv csv, int year, Iterable<DemoSchool> schools) throws IOException {
        for (DemoSchool s : schools) {
            if (!s.teaches(11) || s.type.equals("коррекционная")) {
                continue;
            }
            int entry = year - 11;
            SplittableRandom r = cohorts.random(s.index, year, 11, 2);
            double inflated = s.share(Manipulation.MEDAL_INFLATED, year);
            int n = Math.max(1, cohorts.size(s, entry) * 6 / 10);
            for (int i = 0; i < n; i++) {
                double theta = cohorts.ability(s, entry, i) + s.effect(year);
                double seen = theta + 0.7 * r.nextGaussian();
                double u = r.nextDouble();
                boolean medal = seen > 1.3 && u < 0.7 || theta > -1.5 && theta < -0.2 && u < inflated;
                String who = ";" + s.giaCode + ";" + cohorts.key(s, entry, i) + ";"
                        + (cohorts.female(s, entry, i) ? "ж" : "м") + ";";
                int ru = binomial(Scales.EGE_RUSSIAN_MAX, p(theta, 0.4), r);
                csv.row("ЕГЭ;" + year + ";" + year + "-06-06;Русский язык;11" + who
                        + row(ru, Scales.EGE_RUSSIAN_MAX, Scales.EGE_RUSSIAN_MARKS, medal, r));
                if (medal || theta > -0.3 || r.nextDouble() < 0.3) {
                    int ma = binomial(Scales.EGE_MATHS_MAX, p(theta, -0.6), r);
                    csv.row("ЕГЭ;" + year + ";" + year + "-06-02;Математика (профильная);11" + who
                            + row(ma, Scales.EGE_MATHS_MAX, Scales.EGE_MATHS_MARKS, medal, r));
                }
            }
        }
    }

    /** primary_score;score;annual_mark;medal_candidate — a candidate's annual mark is «5». */
    private static String row(int primary, int max, int[] marks, boolean medal, SplittableRandom r) {
        int score = Scales.egeTestScore(primary, max);
        return primary + ";" + score + ";" + (medal ? 5 : annual(Scales.mark(score, marks), 0, r)) + ";"
                + (medal ? 1 : 0);
    }

    static double p(double theta, double easiness) {
        return 1 / (1 + Math.exp(-(1.2 * theta + easiness)));
    }

    static int binomial(int n, double p, SplittableRandom r) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            k += r.nextDouble() < p ? 1 : 0;
        }
        return k;
    }

    /**
     * Annual mark next to an exam mark: honest teachers' marks are a little above the exam on average
     * (+0.2; never below «3», a pupil with a «2» is not admitted); an inflating school adds
     * {@code inflation} marks on average (randomised rounding).
     */
    private static int annual(int mark, double inflation, SplittableRandom r) {
        double u = r.nextDouble();
        int a = u < 0.16 ? mark + 1 : u < 0.31 ? mark - 1 : mark;
        if (inflation > 0) {
            a += (int) (inflation + r.nextDouble());
        }
        return Math.max(3, Math.min(5, a));
    }
}
