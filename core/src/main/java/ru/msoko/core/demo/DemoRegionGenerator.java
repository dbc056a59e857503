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
 * ВПР 4–8 in Russian and maths with task scores, journal marks, ОГЭ, ЕГЭ, ВсОШ school and municipal
 * stages, over several years, with a few schools that behave non-objectively ({@code planted.csv} is
 * the ground truth). Deterministic: the same settings give byte-identical files. Rows are streamed.
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
        try (Csv csv = new Csv(file, "school_code;year;procedure;subject;grade;manipulation;description")) {
            for (DemoSchool s : schools) {
                for (Map.Entry<Manipulation, Integer> e : s.planted.entrySet()) {
                    for (int year = e.getValue(); year < settings.firstYear() + settings.years(); year++) {
                        String procedure = e.getKey() == Manipulation.OLYMPIAD_INFLATED ? "ВсОШ-ШЭ" : "ВПР";
                        csv.row(String.join(";", s.code, String.valueOf(year), procedure, "", "", e.getKey().name(),
                                e.getKey().description));
                    }
                }
            }
        }
        return file;
    }
}
