package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.XlsxFiles;
import ru.msoko.core.canonical.Problem;

/**
 * The inputs that broke an importer under {@link ImportFuzzTest}, shrunk and kept as ordinary tests: each is rejected
 * with a Russian message naming the file (and the sheet, row and column where the problem is in one), the database
 * stays as it was, and the rejection is logged (on PostgreSQL too, which refuses a NUL character in text).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class FuzzRegressionContract {

    private static final String EXPORT = "Проведение работы по математике, 4 класс. ВПР 2021.xlsx";

    @Autowired
    ImportService service;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    @BeforeEach
    void schools() {
        DatabaseState.clear(jdbc);
        assertThat(service.importFile(Fixtures.write(dir, "schools.csv", Fixtures.SCHOOLS), "schools.csv", "t",
                ImportOptions.STRICT)).isInstanceOf(ImportOutcome.Imported.class);
    }

    /** The 2021 ФИС ОКО export layout (data-formats §1.2), two participants, one sheet «Sheet» = sheet1.xml. */
    private Path export(String part, UnaryOperator<String> damage) {
        Path whole = XlsxFiles.write(dir.resolve("whole.xlsx"), Map.of("Sheet", List.of(
                List.of("логин школы", "регион", "номер обучающегося", "код обучающегося",
                        "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", "балл за 1",
                        "балл за 2"),
                List.of("sch220001", "город Барнаул", 1, 40001, 5, "ж", "А", 1, 3, 1, 2),
                List.of("sch220001", "город Барнаул", 2, 40002, 4, "м", "Б", 2, 1, 0, 1))));
        String before = new String(XlsxFiles.parts(whole).get(part), StandardCharsets.UTF_8);
        assertThat(damage.apply(before)).as("the damage applies to %s", part).isNotEqualTo(before);
        return XlsxFiles.editPart(whole, part, damage, dir.resolve(EXPORT));
    }

    private ImportOutcome.Rejected rejected(Path file) {
        String name = file.getFileName().toString();
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        long logged = jdbc.sql("select count(*) from import_rejection").query(Long.class).single();

        ImportOutcome o = service.importFile(file, name, "test", ImportOptions.STRICT);

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        ImportOutcome.Rejected r = (ImportOutcome.Rejected) o;
        assertThat(r.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(name);
            assertThat(p.message()).matches("(?s).*[А-Яа-яЁё].*").doesNotContain("Exception").doesNotContain("java.");
        });
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from import_rejection").query(Long.class).single()).isEqualTo(logged + 1);
        return r;
    }

    /**
     * Bug 1 (ImportFuzzTest, shrunk: the 2021 export with one bit flipped inside the deflated shared strings): a
     * broken character reference in a string read lazily by fastexcel escaped FileFormat.detect as Aalto's
     * WFCException. This hand-made variant was already answered before the fix (the exception came wrapped); it pins
     * the message: the sheet «не читается … книга Excel повреждена» with the parser's own words, no class name.
     */
    @Test
    void aBrokenCharacterReferenceInTheSharedStringsIsADamagedSheet() {
        // fastexcel writes Cyrillic as character references: «город» of row 2 becomes «&#xZZ;»
        Path file = export("xl/sharedStrings.xml", xml -> xml.replaceFirst("&#x433;&#x43e;&#x440;&#x43e;&#x434;", "&#xZZ;"));

        assertThat(rejected(file).problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("Sheet");
            assertThat(p.message()).isEqualTo("лист не читается после строки 1: книга Excel повреждена (Unexpected "
                    + "character 'Z' (code 90); expected a hex digit (0-9a-fA-F)). Сохраните книгу в Excel заново и "
                    + "загрузите ещё раз");
        });
    }

    /**
     * Bug 1, the cell-reference variants (ImportFuzzTest: NumberFormatException «For input string: ""» and
     * IndexOutOfBoundsException «Index -1» escaped): «A» without a row and «2» without a column.
     */
    @Test
    void aCellReferenceWithoutARowOrAColumnIsADamagedSheet() {
        for (String ref : List.of("A", "2")) {
            Path file = export("xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("r=\"B2\"", "r=\"" + ref + "\""));

            ImportOutcome.Rejected r = rejected(file);

            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.sheet()).isEqualTo("Sheet");
                assertThat(p.message()).startsWith("лист не читается после строки 1: книга Excel повреждена (");
            });
            jdbc.sql("delete from import_rejection_problem").update();
            jdbc.sql("delete from import_rejection").update();
        }
    }

    /**
     * Bug 2 (shrunk: the Moscow ЕГЭ CSV with a character after the closing quote of a header field): the header
     * was parsed outside the CSV reader's error handling and fastcsv's CsvParseException escaped.
     */
    @Test
    void aHeaderTheCsvParserRefusesIsAProblemOfLineOne() {
        Path file = Fixtures.write(dir, "ege.csv", "\"ID\"x;\"OGRN\";\"PASSED_NUMBER_FULL\";\"PASSES_OVER_220\";"
                + "\"PASSER_UNDER_160\"\n\"1\";\"1027700566761\";\"109\";\"80\";\"8\"\n");

        assertThat(rejected(file).problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(1);
            assertThat(p.message()).startsWith("строку заголовка не удаётся разобрать как CSV: ");
        });
    }

    /**
     * Bug 3 (ReadersFuzzTest, shrunk: schools.csv whose school_code is «@SUM(A1)»): a code with «@» is read as
     * «код@годы» and SchoolIdentifier's IllegalArgumentException escaped the reader.
     */
    @Test
    void aSchoolCodeWithAnAtSignIsAProblemOfItsCell() {
        Path file = Fixtures.write(dir, "schools2.csv", """
                school_code;name;municipality_code
                @SUM(A1);Школа;M01
                """);

        assertThat(rejected(file).problems()).extracting(Problem::describe).containsExactly(
                "schools2.csv, строка 2, столбец «school_code»: код «@SUM(A1)»: ожидается вид код@год-год, например "
                        + "sch220001@2015-2021");
    }

    /**
     * Bug 11 (ImportFuzzTest, the full run of 2026-12-03 evening; shrunk: the synthetic ВПР Russian 8 CSV with the
     * first row's last field, rechecked_score, replaced by «-5»): a negative score after the expert's re-check was
     * stored. It is now a problem of its cell, as a negative primary score is; so is one above the work's maximum.
     */
    @Test
    void aNegativeScoreAfterTheRecheckIsAProblemOfItsCell() {
        Path file = Fixtures.write(dir, "recheck.csv", """
                procedure;year;subject;grade;school_code;participant;primary_score;max_score;rechecked_score
                ВПР;2025;Математика;5;edu220001;1;12;20;-5
                ВПР;2025;Математика;5;edu220001;2;12;20;21
                ВПР;2025;Математика;5;edu220001;3;12;20;10
                """);

        assertThat(rejected(file).problems()).extracting(Problem::describe).containsExactly(
                "recheck.csv, строка 2, столбец «rechecked_score»: отрицательный балл после перепроверки",
                "recheck.csv, строка 3, столбец «rechecked_score»: балл после перепроверки 21 больше максимального (20)");
    }

    /**
     * Bug 10 (ImportFuzzTest in the clean-clone CI run of 2026-12-03: a ФИС ОКО form whose login cell became
     * «@SUM(A1:A9)», imported with «create missing schools»): the code of a school to create was parsed in the
     * directory's «code@from-to» form and the IllegalArgumentException escaped the import. Now the file is refused
     * naming the code, and nothing is created.
     */
    @Test
    void aNewSchoolsCodeWithAnAtSignRefusesTheFileWithoutCreatingIt() {
        Path file = Fixtures.write(dir, "results3.csv", Fixtures.RESULTS.replace(";edu220002;40005;", ";@SUM(A1:A9);40005;"));
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome o = service.importFile(file, "results3.csv", "test", new ImportOptions(true, "M01"));

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) o).problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).startsWith("школа с кодом «@SUM(A1:A9)» не создана: код «@SUM(A1:A9)»"));
        Map<String, String> after = DatabaseState.fingerprint(jdbc);
        after.remove("import_rejection");
        before.remove("import_rejection");
        assertThat(after).isEqualTo(before);
    }

    /**
     * Bug 4 (ImportFuzzTest: a NUL character in a cell, quoted by the message about it): H2 stored it, PostgreSQL
     * refuses NUL in text, so logging the rejection failed and the exception escaped the import. The logged message
     * shows it as «␀».
     */
    @Test
    void aNulCharacterQuotedByAProblemIsLoggedOnEveryDatabase() {
        Path file = Fixtures.write(dir, "results2.csv", Fixtures.RESULTS.replace(";edu220002;40005;", ";edu\u0000x;40005;"));

        ImportOutcome.Rejected r = rejected(file);

        assertThat(r.problems()).extracting(Problem::describe).containsExactly("results2.csv, строка 6, столбец "
                + "«school_code»: школа с кодом «edu\u0000x» не найдена в справочнике школ (на 2025 год)");
        assertThat(jdbc.sql("select message from import_rejection_problem").query(String.class).single())
                .isEqualTo("школа с кодом «edu\u2400x» не найдена в справочнике школ (на 2025 год)");
    }

    /**
     * Bug 6 (bench/fuzz.sh, shrunk: the demo ВПР maths 4 CSV with random bytes inserted into its header; here
     * schools.csv with one more column): the warning about an unknown column quoted its NUL into import_batch.warnings; H2 stored it, PostgreSQL refused the
     * write and the valid file was rejected there with the database's own message. The warning now shows «␀».
     */
    @Test
    void aHeaderCellWithNulIsAWarningStoredOnEveryDatabase() throws java.io.IOException {
        assertThat(service.importFile(Fixtures.write(dir, "demo-schools.csv", FuzzSeeds.demoSchools()), "demo-schools.csv",
                "t", ImportOptions.STRICT)).isInstanceOf(ImportOutcome.Imported.class);
        FuzzSeeds.Seed seed = FuzzSeeds.synthetic().stream()
                .filter(s -> s.fileName().equals("results-vpr-2024-math-4.csv")).findFirst().orElseThrow();
        byte[] damaged = new Mutation(Mutation.Kind.INSERT_BYTES, 58, 111, 0).apply(seed.bytes());
        Path file = java.nio.file.Files.write(dir.resolve("vpr.csv"), damaged);

        // the shrunk sample's options: store the valid rows (the inserted bytes make the file read as cp1251)
        ImportOutcome o = service.importFile(file, "vpr.csv", "test", new ImportOptions(false, null, true));

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) o).warnings()).anySatisfy(w -> assertThat(w).contains("\u0000"));
        assertThat(jdbc.sql("select warnings from import_batch where file_name = 'vpr.csv'").query(String.class)
                .single()).contains("\u2400").doesNotContain("\u0000");
    }

    /**
     * Bug 7 (ImportFuzzTest, the codifier folders: a damaged xl/workbook.xml of ALL.xlsx): the message of a book that
     * does not open quoted the wrapper «com.fasterxml.aalto.WFCException: …»; now only the parser's words.
     */
    @Test
    void aWorkDescriptionThatDoesNotOpenIsExplainedWithoutAJavaClassName() throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("описания/5/Математика"));
        export("xl/workbook.xml", xml -> "=" + xml);
        java.nio.file.Files.move(dir.resolve(EXPORT), folder.resolve("ALL.xlsx"));
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome o = service.importCodifiers(dir.resolve("описания"), 2021, "test");

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) o).problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message())
                .matches("(?s).*[А-Яа-яЁё].*").doesNotContain("Exception").doesNotContain("com.fasterxml"));
        assertThat(((ImportOutcome.Rejected) o).problems()).anySatisfy(p -> assertThat(p.message())
                .startsWith("файл не удаётся открыть как книгу Excel (xlsx): Unexpected character '='"));
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    /**
     * Bug 8 (bench/fuzz.sh, shrunk: the real ALL.xlsx of maths 5 with the cell B2 — a КЭС code — replaced by
     * «=HYPERLINK("http://evil.example","клик")», 40 characters): the code did not fit work_codifier_code.code
     * (32) and the database's exception escaped importCodifiers; now the folder is rejected and nothing stored.
     */
    @Test
    void aCodeLongerThanItsColumnRejectsTheCodifierFolder() throws java.io.IOException {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("описания2/5/Математика"));
        for (String n : List.of("ALL.xlsx", "KS.xlsx", "KT.xlsx")) {
            byte[] b = java.nio.file.Files.readAllBytes(ru.msoko.app.support.RealData.require(
                    "vpr-altai-krai-fisoko/Описание_работ/5/Математика/" + n));
            java.nio.file.Files.write(folder.resolve(n), n.equals("ALL.xlsx")
                    ? new Mutation(Mutation.Kind.CELL, 0, 1, 4).apply(b) : b);
        }
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome o = service.importCodifiers(dir.resolve("описания2"), 2021, "test");

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }
}
