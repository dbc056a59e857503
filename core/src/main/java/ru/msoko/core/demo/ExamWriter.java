package ru.msoko.core.demo;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * ОГЭ (grade 9) and ЕГЭ (grade 11) results. They follow the pupils' true ability and the school's true
 * effect only: a school that inflates its ВПР is not confirmed here. The ГИА files name schools by
 * their ГИА code, as РЦОИ files do.
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
            for (int i = 0, n = cohorts.size(s, entry); i < n; i++) {
                double theta = cohorts.ability(s, entry, i) + s.effect;
                String who = ";" + s.giaCode + ";" + cohorts.key(s, entry, i) + ";"
                        + (cohorts.female(s, entry, i) ? "ж" : "м") + ";";
                int ru = binomial(Scales.OGE_RUSSIAN_MAX, p(theta, 0.5), r);
                int ma = binomial(Scales.OGE_MATHS_MAX, p(theta, -0.1), r);
                int ruMark = Scales.mark(ru, Scales.OGE_RUSSIAN);
                int maMark = Scales.mark(ma, Scales.OGE_MATHS);
                csv.row("ОГЭ;" + year + ";" + year + "-06-03;Русский язык;9" + who + ru + ";" + ruMark + ";"
                        + annual(ruMark, r));
                csv.row("ОГЭ;" + year + ";" + year + "-05-27;Математика;9" + who + ma + ";" + maMark + ";"
                        + annual(maMark, r));
            }
        }
    }

    void ege(Csv csv, int year, Iterable<DemoSchool> schools) throws IOException {
        for (DemoSchool s : schools) {
            if (!s.teaches(11) || s.type.equals("коррекционная")) {
                continue;
            }
            int entry = year - 11;
            SplittableRandom r = cohorts.random(s.index, year, 11, 2);
            int n = Math.max(1, cohorts.size(s, entry) * 6 / 10);
            for (int i = 0; i < n; i++) {
                double theta = cohorts.ability(s, entry, i) + s.effect;
                boolean medal = theta > 1.2 && r.nextDouble() < 0.6;
                String who = ";" + s.giaCode + ";" + cohorts.key(s, entry, i) + ";"
                        + (cohorts.female(s, entry, i) ? "ж" : "м") + ";";
                int ru = binomial(Scales.EGE_RUSSIAN_MAX, p(theta, 0.4), r);
                csv.row("ЕГЭ;" + year + ";" + year + "-06-06;Русский язык;11" + who + ru + ";"
                        + Scales.egeTestScore(ru, Scales.EGE_RUSSIAN_MAX) + ";" + (medal ? 5 : annual(3, r)) + ";"
                        + (medal ? 1 : 0));
                if (theta > -0.3 || r.nextDouble() < 0.3) {
                    int ma = binomial(Scales.EGE_MATHS_MAX, p(theta, -0.6), r);
                    csv.row("ЕГЭ;" + year + ";" + year + "-06-02;Математика (профильная);11" + who + ma + ";"
                            + Scales.egeTestScore(ma, Scales.EGE_MATHS_MAX) + ";" + (medal ? 5 : annual(3, r)) + ";"
                            + (medal ? 1 : 0));
                }
            }
        }
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

    private static int annual(int mark, SplittableRandom r) {
        double u = r.nextDouble();
        return Math.max(3, Math.min(5, u < 0.35 ? mark + 1 : u < 0.42 ? mark - 1 : mark));
    }
}
