package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Databases;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.StoredResults;
import ru.msoko.app.support.XlsxFiles;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.privacy.Pseudonymizer;

/**
 * РЦОИ sheets of the ОГЭ and the ЕГЭ generated here and imported end to end into H2. The participants are invented
 * («Тестов Тест Тестович»); no real РЦОИ sheet exists in the shared data, because real ones hold full names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RcoiImportH2Test {

    /** Fixtures.SCHOOLS knows edu220001 under its ГИА code 220001; one more school with only a ГИА code. */
    private static final String SCHOOLS = Fixtures.SCHOOLS + "edu220004;МБОУ \"СОШ № 4\";M02;Каменский район;220004;СОШ;село;300\n";
    private static final List<Object> HEADER = row(null, "Код МСУ", "Код ОО", "Класс", "Код ППЭ", "Аудитория", "Фамилия",
            "Имя", "Отчество", "Документ", "Вариант", "Задания с кратким ответом", "Задания с развёрнутым ответом",
            "Первичный балл", "Балл");
    /** The ЕГЭ variant without the extended part: «Первичный балл» and «Балл» one column to the left. */
    private static final List<Object> SHORT_HEADER = row(null, "Код МСУ", "Код ОО", "Класс", "Код ППЭ", "Аудитория",
            "Фамилия", "Имя", "Отчество", "Документ", "Вариант", "Задания с кратким ответом", "Первичный балл", "Балл");

    /** {@code order by a.kind desc} then write order: ОГЭ before ЕГЭ. */
    private static final Comparator<StoredResults.Row> KIND_DESCENDING =
            Comparator.comparing((StoredResults.Row r) -> r.kind().name()).reversed();

    @Autowired
    ImportService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Pseudonymizer pseudonymizer;
    @TempDir
    Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @BeforeEach
    void cleanAndLoadSchools() {
        DatabaseState.clear(jdbc);
        assertThat(importFile(Fixtures.write(dir, "schools.csv", SCHOOLS), ImportOptions.STRICT))
                .isInstanceOf(ImportOutcome.Imported.class);
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private ImportOutcome importFile(Path file, ImportOptions options) {
        return service.importFile(file, file.getFileName().toString(), "test", options);
    }

    /** The value, or «-» for none (as {@code coalesce(cast(… as varchar), '-')} gave). */
    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** Writes one sheet: the title in A1, the header in row 2, then the participants. */
    private Path sheet(String fileName, String title, List<Object> header, List<List<Object>> participants) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(title));
        rows.add(header);
        rows.addAll(participants);
        return XlsxFiles.write(dir.resolve(fileName), Map.of("Лист1", rows));
    }

    private Path ogeMathematics() {
        return sheet("ОГЭ математика.xlsx", "02 ОГЭ Математика 03.06.2025", HEADER, List.of(
                row(null, "01", "220001", "9А", 101, 5, "Тестов", "Тест", "Тестович", "4510 123456", "301", "++-+2",
                        "2(2)1(2)0(3)", 8, 4),
                row(null, "01", "220001", "9Б", 101, 5, "Примерова", "Проба", "Пробовна", "4510 654321", "302", "+-+-1",
                        "0(2)2(2)3(3)", 8, 4),
                row(null, "02", "220004", "9А", 102, 7, "Образцов", "Образец", "", "4510 111111", "301", "-----",
                        "0(2)0(2)0(3)", 0, 2)));
    }

    private Path egeRussian() {
        return sheet("ЕГЭ русский.xlsx", "01 ЕГЭ Русский язык 27.05.2025", SHORT_HEADER, List.of(
                row(null, "01", "220001", "11А", 101, 5, "Тестов", "Тест", "Тестович", "4510 123456", "501", "+-+2+",
                        5, 61),
                row(null, "02", "220004", "11", 102, 7, "Макетов", "Макет", "Макетович", "4510 222222", "502", "++++3",
                        7, 78)));
    }

    @Test
    void importsOgeAndEgeSheetsWithMarksTestScoresAndTaskScores() {
        ImportOutcome oge = importFile(ogeMathematics(), ImportOptions.STRICT);
        ImportOutcome ege = importFile(egeRussian(), ImportOptions.STRICT);

        assertThat(oge).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) oge).format()).isEqualTo("РЦОИ: ведомость результатов ГИА (ОГЭ, ГВЭ, ЕГЭ)");
        assertThat(((ImportOutcome.Imported) oge).accepted()).isEqualTo(3);
        assertThat(((ImportOutcome.Imported) ege).accepted()).isEqualTo(2);
        assertThat(jdbc.sql("select kind || ' ' || exam_year || ' ' || grade || ' ' || task_layout from assessment order by kind")
                .query(String.class).list()).containsExactly(
                        "EGE 2025 11 1=1;2=1;3=1;4=2;5=3",
                        "OGE 2025 9 1=1;2=1;3=1;4=1;5=2;6=2;7=2;8=3");
        // «school tasks primary mark test date class variant», ОГЭ before ЕГЭ (kind descending), in write order
        assertThat(StoredResults.all(jdbc).stream().sorted(KIND_DESCENDING)
                .map(r -> r.schoolCode() + " " + r.tasks() + " " + r.primaryScore() + " " + orDash(r.mark()) + " "
                        + orDash(r.testScore()) + " " + r.takenOn() + " " + r.classLabel() + " " + r.variant())
                .toList()).containsExactly(
                "edu220001 11012210 8.0 4 - 2025-06-03 9А 301",
                "edu220001 10101023 8.0 4 - 2025-06-03 9Б 302",
                "edu220004 00000000 0.0 2 - 2025-06-03 9А 301",
                "edu220001 10121 5.0 - 61.0 2025-05-27 11А 501",
                "edu220004 11113 7.0 - 78.0 2025-05-27 11 502");
    }

    /**
     * Test data, not official scales: ОГЭ 2025 mathematics for the 8 tasks of the sheets here (maximum 13) with
     * 0–3/4–6/7–9/10–13 and «3» and above needing 2 points for tasks 6–8; ЕГЭ 2025 Russian with test score = 10 ×
     * primary score for 0–7 and minimum 24.
     */
    private static final String SCALES = """
            procedure;year;subject;entry;mark;primary_from;primary_to;test_score;tasks;min_sum
            ОГЭ;2025;Математика;mark;2;0;3;;;
            ОГЭ;2025;Математика;mark;3;4;6;;;
            ОГЭ;2025;Математика;mark;4;7;9;;;
            ОГЭ;2025;Математика;mark;5;10;13;;;
            ОГЭ;2025;Математика;rule;3;;;;6-8;2
            ЕГЭ;2025;Русский язык;test;;0;0;0;;
            ЕГЭ;2025;Русский язык;test;;1;1;10;;
            ЕГЭ;2025;Русский язык;test;;2;2;20;;
            ЕГЭ;2025;Русский язык;test;;3;3;30;;
            ЕГЭ;2025;Русский язык;test;;4;4;40;;
            ЕГЭ;2025;Русский язык;test;;5;5;50;;
            ЕГЭ;2025;Русский язык;test;;6;6;60;;
            ЕГЭ;2025;Русский язык;test;;7;7;70;;
            ЕГЭ;2025;Русский язык;minimum;;;;24;;
            """;

    @Test
    void aSheetWithoutMarksGetsThemFromTheGiaScaleWithItsConditionsAndAContradictingMarkIsAWarning() {
        assertThat(importFile(Fixtures.write(dir, "gia.csv", SCALES), ImportOptions.STRICT))
                .isInstanceOf(ImportOutcome.Imported.class);
        // row 3: 5 + 3 = 8 points (band «4»), tasks 6–8: 2 + 1 + 0 = 3 ≥ 2 → «4»
        // row 4: 3 + 1 = 4 points (band «3»), tasks 6–8: 0 + 1 + 0 = 1 < 2 → «2»
        // row 5: 6 + 7 = 13 points (band «5»), tasks 6–8: 7 → «5», but the sheet says «4»: kept, with a warning
        Path oge = sheet("ОГЭ математика без отметок.xlsx", "02 ОГЭ Математика 03.06.2025", HEADER, List.of(
                row(null, "01", "220001", "9А", 101, 5, "Тестов", "Тест", "Тестович", "", "301", "++-+2",
                        "2(2)1(2)0(3)", 8, null),
                row(null, "01", "220001", "9Б", 101, 5, "Примерова", "Проба", "Пробовна", "", "302", "+-+-1",
                        "0(2)1(2)0(3)", 4, null),
                row(null, "02", "220004", "9А", 102, 7, "Образцов", "Образец", "", "", "301", "++++2",
                        "2(2)2(2)3(3)", 13, 4)));
        // ЕГЭ: 5 and 7 primary points → 50 and 70
        Path ege = sheet("ЕГЭ русский без баллов.xlsx", "01 ЕГЭ Русский язык 27.05.2025", SHORT_HEADER, List.of(
                row(null, "01", "220001", "11А", 101, 5, "Тестов", "Тест", "Тестович", "", "501", "+-+2+", 5, null),
                row(null, "02", "220004", "11", 102, 7, "Макетов", "Макет", "Макетович", "", "502", "++++3", 7, null)));

        ImportOutcome.Imported o = (ImportOutcome.Imported) importFile(oge, ImportOptions.STRICT);
        importFile(ege, ImportOptions.STRICT);

        assertThat(o.warnings()).contains("отметка или тестовый балл в файле расходится со шкалой ГИА у 1 участника "
                + "(в базе оставлено значение из файла), например: строка 5: в файле отметка «4», по шкале «ОГЭ 2025, "
                + "MA, 9 класс» — «5»");
        // «kind primary mark test source of the mark», ОГЭ before ЕГЭ (kind descending), by primary score
        assertThat(StoredResults.all(jdbc).stream()
                .sorted(KIND_DESCENDING.thenComparing(StoredResults.Row::primaryScore))
                .map(r -> r.kind() + " " + r.primaryScore() + " " + orDash(r.mark()) + " " + orDash(r.testScore()) + " "
                        + (r.giaScaleId() == null ? "файл" : "шкала"))
                .toList()).containsExactly(
                "OGE 4.0 2 - шкала", "OGE 8.0 4 - шкала", "OGE 13.0 4 - файл",
                "EGE 5.0 - 50.0 шкала", "EGE 7.0 - 70.0 шкала");
    }

    @Test
    void theParticipantIsAPseudonymOfNameSchoolAndYearAndNoNameOrDocumentIsStored() {
        importFile(ogeMathematics(), ImportOptions.STRICT);
        importFile(egeRussian(), ImportOptions.STRICT);

        // the key is documented as HMAC(school|year|Фамилия Имя Отчество): the same person links across subjects of a year
        String expected = pseudonymizer.key("edu220001|2025|Тестов Тест Тестович");
        assertThat(StoredResults.where(jdbc, r -> r.schoolCode().equals("edu220001")
                        && List.of("9А", "11А").contains(r.classLabel())).stream().map(StoredResults.Row::participant)
                .toList())
                .containsExactly(expected, expected);
        String stored = (StoredResults.all(jdbc) + " "
                + jdbc.sql("select * from import_batch").query().listOfRows()).toLowerCase();
        assertThat(stored).contains("столбец «документ» не читается")
                .doesNotContain("тестов", "примерова", "образцов", "макетов", "пробовна", "4510 123456", "4510 654321");
    }

    @Test
    void aRejectedSheetStoresNothingAndItsProblemsNameRowsNotPeople() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        Path bad = sheet("ОГЭ плохая.xlsx", "02 ОГЭ Математика 03.06.2025", HEADER, List.of(
                row(null, "01", "220001", "9А", 101, 5, "Тестов", "Тест", "Тестович", "", "301", "++-+2", "2(2)1(2)0(3)", 8, 4),
                row(null, "01", "220001", "9А", 101, 5, "Тестов", "Тест", "Тестович", "", "301", "++-+2", "2(2)1(2)0(3)", 8, 4),
                row(null, "01", "220009", "9А", 101, 5, "Примерова", "Проба", "", "", "301", "++-+2", "2(2)1(2)0(3)", 8, 4)));

        ImportOutcome o = importFile(bad, ImportOptions.STRICT);

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) o).problems()).extracting(Problem::describe).containsExactly(
                "ОГЭ плохая.xlsx, лист «Лист1», строка 4, столбец «Фамилия»: тот же участник (фамилия, имя, отчество "
                        + "и код ОО), что и в строке 3: повтор результата",
                "ОГЭ плохая.xlsx, лист «Лист1», строка 5, столбец «Код ОО»: школа с кодом «220009» не найдена в "
                        + "справочнике школ (на 2025 год); похожие коды: 220001, 220004");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void createMissingPutsAnUnknownSchoolIntoTheMunicipalityOfItsMsuCodeWhenTheDirectoryHasIt() {
        Path file = sheet("ОГЭ новые.xlsx", "01 ОГЭ Русский язык 27.05.2025", HEADER, List.of(
                row(null, "M01", "229001", "9А", 101, 5, "Тестов", "Тест", "Тестович", "", "1", "++", "1(2)", 3, 3),
                row(null, "77", "229002", "9А", 101, 5, "Примерова", "Проба", "", "", "1", "+-", "2(2)", 3, 3)));

        ImportOutcome withoutMunicipality = importFile(file, new ImportOptions(true, null));
        ImportOutcome created = importFile(file, new ImportOptions(true, "M02"));

        // «Код МСУ» 77 is not a known municipality, so 229002 needs the one the user gives
        assertThat(((ImportOutcome.Rejected) withoutMunicipality).problems()).extracting(Problem::message)
                .containsExactly("в файле есть неизвестные школы (229002): чтобы создать их, укажите муниципалитет");
        assertThat(created).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(jdbc.sql("select s.code || ' ' || m.code from school s join municipality m on m.id = s.municipality_id "
                + "where s.code like '229%' order by s.code").query(String.class).list())
                .containsExactly("229001 M01", "229002 M02");
        assertThat(StoredResults.count(jdbc)).isEqualTo(2);
    }
}
