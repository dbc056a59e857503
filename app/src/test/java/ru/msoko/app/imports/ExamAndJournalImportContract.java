package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.RealData;
import ru.msoko.core.canonical.Problem;

/** ЕГЭ summaries by school and journal marks (issue #4 items 8 and 10); run on H2 and on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class ExamAndJournalImportContract {

    static final String MOSCOW = "moscow-ege-by-school-2016/data-9722-2016-10-31.csv";
    static final String MOSCOW_NAME = "data-9722-2016-10-31.csv";

    @Autowired
    ImportService service;
    @Autowired
    ImportRollback rollback;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    @BeforeEach
    void cleanAndLoadSchools() {
        DatabaseState.clear(jdbc);
        assertThat(importText("schools.csv", Fixtures.SCHOOLS)).isInstanceOf(ImportOutcome.Imported.class);
    }

    private ImportOutcome importText(String name, String content) {
        return service.importFile(Fixtures.write(dir, name, content), name, "test", ImportOptions.STRICT);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static ImportOutcome.Imported imported(ImportOutcome o) {
        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        return (ImportOutcome.Imported) o;
    }

    @Test
    void theMoscowFileIsRejectedWhileItsSchoolsAreUnknownAndTheDatabaseStaysAsItWas() {
        Path file = RealData.require(MOSCOW);
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome o = service.importFile(file, MOSCOW_NAME, "test", ImportOptions.STRICT);

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        ImportOutcome.Rejected r = (ImportOutcome.Rejected) o;
        // one problem per school: 626 data rows (Python csv module, see MoscowEgeCsvTest), none in the directory
        assertThat(r.totalProblems()).isEqualTo(626);
        assertThat(r.problems().get(0).describe()).isEqualTo(MOSCOW_NAME + ", строка 2, столбец «OGRN»: школа с кодом "
                + "«1027700566761» не найдена в справочнике школ (на 2016 год) (загрузите справочник школ или используйте "
                + "--create-missing)");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void theMoscowFileWithCreateMissingAddsItsSchoolsByOgrnAndARollbackTakesTheSummariesAway() {
        Path file = RealData.require(MOSCOW);

        ImportOutcome.Imported o = imported(service.importFile(file, MOSCOW_NAME, "test", new ImportOptions(true, null)));

        // 626 rows, 626 distinct OGRN, sum(PASSED_NUMBER_FULL) = 66461, sum(PASSER_UNDER_160) = 34225, 10 AdmArea
        // (Python csv module, see MoscowEgeCsvTest); the directory had 3 schools in 2 municipalities
        assertThat(o.accepted()).isEqualTo(626);
        assertThat(o.format()).isEqualTo(FileFormat.EGE_MOSCOW_CSV.title());
        assertThat(o.warnings()).contains("создано школ из файла: 626");
        assertThat(count("select count(*) from exam_school_summary")).isEqualTo(626);
        assertThat(count("select sum(participants) from exam_school_summary")).isEqualTo(66461);
        assertThat(count("select sum(at_least_160) from exam_school_summary")).isEqualTo(34225);
        assertThat(count("select count(*) from exam_school_summary where subject_id is not null or exam_year <> 2016"))
                .isZero();
        assertThat(count("select count(*) from school")).isEqualTo(3 + 626);
        assertThat(count("select count(*) from municipality")).isEqualTo(2 + 10);
        assertThat(count("select count(*) from school_identifier where kind = 'OGRN'")).isEqualTo(626);
        assertThat(jdbc.sql("""
                select e.participants || '/' || e.at_least_160 || '/' || e.at_least_220 || '/' || m.name
                from exam_school_summary e join school s on s.id = e.school_id
                join municipality m on m.id = s.municipality_id where s.code = '1027700566761'""")
                .query(String.class).single()).isEqualTo("109/101/80/Северный административный округ");

        ImportRollback.Outcome undone = rollback.rollback(o.batchId(), "test", false);

        assertThat(undone.message()).contains("удалено 626");
        assertThat(count("select count(*) from exam_school_summary")).isZero();
        assertThat(count("select count(*) from school")).isEqualTo(3 + 626);
        // the schools it created stay in the directory, so the same file now loads without creating any
        ImportOutcome.Imported again = imported(service.importFile(file, MOSCOW_NAME, "test", ImportOptions.STRICT));
        assertThat(again.accepted()).isEqualTo(626);
    }

    @Test
    void theRegionalSummaryIsMatchedByCodeAndAnotherFileCannotRepeatASchoolAndSubject() throws Exception {
        Path file = regionalSummary(dir.resolve("ege-2024.xlsx"));

        ImportOutcome.Imported o = imported(service.importFile(file, "ЕГЭ 2024 по ОО.xlsx", "test", ImportOptions.STRICT));

        // 2 schools × 2 subjects; «Всего» dropped; participants 48 + 20 + 60 + 35 = 163
        assertThat(o.format()).isEqualTo(FileFormat.EGE_REGIONAL_SUMMARY_XLSX.title());
        assertThat(o.accepted()).isEqualTo(4);
        assertThat(count("select sum(participants) from exam_school_summary where exam_year = 2024")).isEqualTo(163);
        assertThat(jdbc.sql("""
                select e.mean_score from exam_school_summary e join school s on s.id = e.school_id
                join subject j on j.id = e.subject_id where s.code = 'edu220002' and j.code = 'MAP'""")
                .query(Double.class).single()).isEqualTo(70.25);

        Path copy = regionalSummary(dir.resolve("copy.xlsx"), "Исправленная сводка ЕГЭ 2024 года");
        ImportOutcome twice = service.importFile(copy, "copy.xlsx", "test", ImportOptions.STRICT);

        assertThat(twice).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) twice).problems().get(0).describe()).isEqualTo("copy.xlsx, лист «Свод», "
                + "строка 5, столбец «Код ОО»: результаты ЕГЭ этой ОО за 2024 год по предмету «Русский язык» уже "
                + "загружены (загрузка № " + o.batchId() + "); чтобы заменить их, отмените ту загрузку");
    }

    /** Header rows 2–4 (three levels, merged cells); a title in row 1 only when given; schools from row 5. */
    private static Path regionalSummary(Path file, String... title) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "msoko-test", "1.0");
            Worksheet ws = wb.newWorksheet("Свод");
            ws.value(0, 0, title.length > 0 ? title[0] : " ");
            List<String> fixed = List.of("Муниципалитет", "Образовательная организация", "Код ОО", "Всего выпускников");
            for (int c = 0; c < 4; c++) {
                ws.value(1, c, fixed.get(c));
                ws.range(1, c, 3, c).merge();
            }
            ws.value(1, 4, "из них");
            ws.range(1, 4, 1, 7).merge();
            ws.value(2, 4, "Русский язык");
            ws.value(2, 6, "Математика (профильная)");
            for (int c = 4; c < 8; c += 2) {
                ws.range(2, c, 2, c + 1).merge();
                ws.value(3, c, "приняли участие");
                ws.value(3, c + 1, "средний балл");
            }
            Object[][] rows = {
                    {"Северский округ", "МБОУ \"СОШ № 1\"", "edu220001", 50, 48, 71.5, 20, 64},
                    {null, "МАОУ \"Гимназия № 2\"", "sch220002", 60, 60, 78, 35, 70.25},
                    {"Всего", null, null, 110, 108, 75.2, 55, 68.0}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number n) {
                        ws.value(4 + r, c, n);
                    } else if (rows[r][c] != null) {
                        ws.value(4 + r, c, rows[r][c].toString());
                    }
                }
            }
            wb.finish();
        }
        return file;
    }

    @Test
    void perPupilJournalMarksAreStoredAsClassDistributionsWithoutNames() {
        String journal = """
                school_code;year;period;class;pupil;subject;mark
                edu220001;2024/2025;1 четверть;5А;Иванов Пётр;Математика;5
                edu220001;2024/2025;1 четверть;5А;Петрова Анна;Математика;4
                edu220001;2024/2025;1 четверть;5А;Сидоров Иван;Математика;4
                edu220001;2024/2025;1 четверть;5Б;Козлов Олег;Математика;
                sch220002;2024/2025;1 четверть;5А;Орлова Мария;Математика;3
                """;

        ImportOutcome.Imported o = imported(importText("журнал.csv", journal));

        assertThat(o.format()).isEqualTo(FileFormat.JOURNAL_PUPILS_CSV.title());
        assertThat(o.rows()).isEqualTo(5);
        assertThat(o.accepted()).isEqualTo(4);
        assertThat(jdbc.sql("""
                select s.code || ' ' || d.school_year || ' ' || d.period || ' ' || d.class_label || ' '
                    || d.n2 || d.n3 || d.n4 || d.n5
                from journal_mark_distribution d join school s on s.id = d.school_id order by s.code""")
                .query(String.class).list()).containsExactly("edu220001 2025 1 четверть 5А 0021",
                "edu220002 2025 1 четверть 5А 0100");
        String everything = DatabaseState.fingerprint(jdbc).toString() + jdbc.sql("select * from import_batch")
                .query().listOfRows();
        assertThat(everything).doesNotContain("Иванов").doesNotContain("Орлова");
    }

    @Test
    void aMalformedJournalIsRejectedNamingRowAndColumnAndARolledBackOneLeavesNothing() {
        String good = """
                school_code;year;period;class;subject;n2;n3;n4;n5
                edu220001;2025;год;5А;Математика;1;8;10;6
                edu220003;2025;год;9А;Русский язык;0;2;5;1
                """;
        long batch = imported(importText("marks.csv", good)).batchId();
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        String bad = """
                school_code;year;period;class;subject;n2;n3;n4;n5
                edu220009;2025;год;5Б;Математика;1;8;10;6
                edu220001;2025;год;5Б;Математика;0;3;x;1
                edu220001;2025;год;5А;Математика;1;8;10;6
                edu220001;2025;год;5В;Астрология;1;8;10;6
                """;

        ImportOutcome o = importText("bad-marks.csv", bad);

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) o).problems()).extracting(Problem::describe).containsExactly(
                "bad-marks.csv, строка 2, столбец «school_code»: школа с кодом «edu220009» не найдена в справочнике школ "
                        + "(на 2025 год); похожие коды: edu220001, edu220002, edu220003",
                "bad-marks.csv, строка 3, столбец «n4»: «x» — не целое число",
                "bad-marks.csv, строка 4: отметки класса 5А по предмету «Математика» за период «год» 2025 года уже "
                        + "загружены другим файлом (или есть выше в этом файле под другим кодом ОО); чтобы заменить их, "
                        + "отмените ту загрузку",
                "bad-marks.csv, строка 5, столбец «subject»: предмет «Астрология» не найден в справочнике предметов");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);

        assertThat(rollback.rollback(batch, "test", false).message()).contains("удалено 2");
        assertThat(count("select count(*) from journal_mark_distribution")).isZero();
    }
}
