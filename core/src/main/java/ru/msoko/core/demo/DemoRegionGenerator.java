package ru.msoko.core.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a believable synthetic region in the canonical CSV format (DESIGN §4): the school directory,
 * ВПР 4–8 in Russian and maths with task scores, journal marks and a sample of re-checked works, ОГЭ
 * with annual marks, ЕГЭ with annual marks and medal candidates, ВсОШ school and municipal stages, over
 * several years. Some schools behave non-objectively ({@link Manipulation}, at a {@link Strength}); some
 * honest schools are traps that a naive detector would flag ({@link Trap}). Deterministic: the same
 * settings give byte-identical files. Rows are streamed.
 *
 * <p>The ground truth is {@code planted.csv}, one row per school × year × role × kind:
 * <ul>
 *   <li>{@code school_code} — the school's current code (as in {@code schools.csv});</li>
 *   <li>{@code year} — a year in which the row holds: a manipulation goes on every year from its first
 *       one; a trap holds every year, a real improvement from the year of the rise;</li>
 *   <li>{@code role} — {@code manipulation} or {@code trap};</li>
 *   <li>{@code kind} — a {@link Manipulation} name ({@code LENIENT_MARKING}, {@code HINTS}, {@code COPYING},
 *       {@code JOURNAL_INFLATED}, {@code INFLATED_NOT_CONFIRMED}, {@code OLYMPIAD_INFLATED},
 *       {@code MEDAL_INFLATED}, {@code COHORT_INFLATED}, {@code SCHOOL_EXAM_INFLATED}) or a {@link Trap} name
 *       ({@code STRONG_GYMNASIUM}, {@code TINY_SCHOOL}, {@code REAL_IMPROVEMENT}, {@code HONEST_LOW});</li>
 *   <li>{@code strength} — {@code BLATANT}, {@code MEDIUM} or {@code SUBTLE} for a manipulation, empty for
 *       a trap.</li>
 * </ul>
 * A manipulating school has exactly one kind and is never a trap; a trap school may be several traps
 * (a tiny ШНОР school). A school-year with no manipulation row is honest; schools with no row at all
 * are ordinary honest schools.
 */
public final class DemoRegionGenerator {

    private final DemoSettings settings;

    public DemoRegionGenerator(DemoSettings settings) {
        this.settings = settings;
    }

    public DemoManifest writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<DemoSchool> schools = new SchoolFactory(settings).create();
        Cohorts cohorts = new Cohorts(settings.seed());
        Path schoolsFile = writeSchools(dir.resolve("schools.csv"), schools);
        List<Path> files = new ArrayList<>();
        long rows = 0;
        for (int year = settings.firstYear(); year < settings.firstYear() + settings.years(); year++) {
            for (Work work : Work.vpr()) {
                String name = String.format("results-vpr-%d-%s-%d.csv", year,
                        work.subject().startsWith("М") ? "math" : "russian", work.grade());
                try (Csv csv = new Csv(dir.resolve(name), VprWriter.header(work))) {
                    new VprWriter(cohorts).write(csv, work, year, schools);
                    rows += csv.rows();
                }
                files.add(dir.resolve(name));
            }
            ExamWriter exams = new ExamWriter(cohorts);
            try (Csv csv = open(dir, "results-oge-" + year + ".csv", ExamWriter.OGE_HEADER, files)) {
                exams.oge(csv, year, schools);
                rows += csv.rows();
            }
            try (Csv csv = open(dir, "results-ege-" + year + ".csv", ExamWriter.EGE_HEADER, files)) {
                exams.ege(csv, year, schools);
                rows += csv.rows();
            }
            try (Csv csv = open(dir, "results-vsosh-" + year + ".csv", OlympiadWriter.HEADER, files)) {
                new OlympiadWriter(cohorts).write(csv, year, schools);
                rows += csv.rows();
            }
        }
        return new DemoManifest(schoolsFile, files, writePlanted(dir.resolve("planted.csv"), schools), rows);
    }

    private static Csv open(Path dir, String name, String header, List<Path> files) throws IOException {
        files.add(dir.resolve(name));
        return new Csv(dir.resolve(name), header);
    }

    private Path writeSchools(Path file, List<DemoSchool> schools) throws IOException {
        try (Csv csv = new Csv(file, "school_code;name;municipality_code;municipality_name;aliases;type;settlement;"
                + "pupils;teachers;ses_index;shnor;lang")) {
            for (DemoSchool s : schools) {
                csv.row(String.join(";", s.code, Csv.quote(s.name), SchoolFactory.municipalityCode(s.municipality),
                        SchoolFactory.municipalityName(s.municipality), s.oldLogin + "@-2021|" + s.giaCode, s.type,
                        s.city ? "город" : "село", String.valueOf(s.pupils()),
                        String.valueOf(Math.max(3, s.pupils() / 13)), String.format(Locale.ROOT, "%.2f", s.ses),
                        s.shnor ? "1" : "0", String.format(Locale.ROOT, "%.2f", s.nonNative)));
            }
        }
        return file;
    }

    private Path writePlanted(Path file, List<DemoSchool> schools) throws IOException {
        int end = settings.firstYear() + settings.years();
        try (Csv csv = new Csv(file, "school_code;year;role;kind;strength")) {
            for (DemoSchool s : schools) {
                if (s.plant != null) {
                    for (int year = s.plant.from(); year < end; year++) {
                        csv.row(String.join(";", s.code, String.valueOf(year), "manipulation", s.plant.kind().name(),
                                s.plant.strength().name()));
                    }
                }
                for (Map.Entry<Trap, Integer> e : s.traps(settings.firstYear()).entrySet()) {
                    for (int year = e.getValue(); year < end; year++) {
                        csv.row(String.join(";", s.code, String.valueOf(year), "trap", e.getKey().name(), ""));
                    }
                }
            }
        }
        return file;
    }
}
