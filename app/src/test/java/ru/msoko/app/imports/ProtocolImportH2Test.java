package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.privacy.Pseudonymizer;

/**
 * ВсОШ protocols and an итоговое сочинение list generated here and imported end to end into H2. The participants
 * are invented («Тестов Тест Тестович»); no real protocol exists in the shared data (data-formats §6: ВсОШ files were
 * not found, real ones hold full names). Schools are {@link Fixtures#SCHOOLS}: edu220001 «МБОУ "СОШ № 1"»,
 * edu220002 «МАОУ "Гимназия № 2"», edu220003.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ProtocolImportH2Test {

    private static final List<String> SURNAMES = List.of("Тестов", "Пробная", "Примеров", "Образцова", "Нулева",
            "Неявкин", "Сочинёв", "Писарева");

    @Autowired
    ImportService service;
    @Autowired
    ImportRollback rollback;
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
        assertThat(importFile(Fixtures.write(dir, "schools.csv", Fixtures.SCHOOLS)))
                .isInstanceOf(ImportOutcome.Imported.class);
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private ImportOutcome importFile(Path file) {
        return service.importFile(file, file.getFileName().toString(), "test", ImportOptions.STRICT);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** «value count» per value of {@code by}, ordered by the value (as {@code group by … order by 1} gave). */
    private static List<String> countsBy(List<StoredResults.Row> rows, Function<StoredResults.Row, String> by) {
        return rows.stream().collect(Collectors.groupingBy(by, TreeMap::new, Collectors.counting())).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    /** Writes sheets in order; {@code merges} are «sheet → {top, left, bottom, right}» ranges, 0-based. */
    private Path book(String fileName, Map<String, List<List<Object>>> sheets, Map<String, List<int[]>> merges) {
        return ru.msoko.app.support.XlsxFiles.write(dir.resolve(fileName), sheets, merges);
    }

    /**
     * School stage: «Математика» (title, school year, date and maximum 35 above a header whose «Баллы за задания» is
     * merged over tasks 1–3) with six participants, one absent; «Информатика» (grade 8 above the table, maximum per
     * row) with two.
     */
    private Path schoolStage() {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Математика", List.of(
                row("Протокол школьного этапа всероссийской олимпиады школьников по математике"),
                row("2025/2026 учебный год"),
                row("Дата проведения: 02.10.2025"),
                row("Максимальный балл: 35"),
                row("№ п/п", "ФИО участника", "ОО", "Класс обучения", "Класс участия", "Баллы за задания", null, null,
                        "Итого", "Статус"),
                row(null, null, null, null, null, 1, 2, 3),
                row(1, "Тестов Тест Тестович", "МБОУ «СОШ № 1»", 6, 7, 10, 10, 10, 30, "Победитель"),
                row(2, "Пробная Анна Игоревна", "Средняя общеобразовательная школа № 1", "7А", 7, 10, 10, 5, 25, "призёр"),
                row(3, "Примеров Пётр Петрович", "Гимназия № 2", "7Б", 7, 10, 8, 2, 20, "Призер"),
                row(4, "Образцова Ольга Олеговна", "edu220002", 7, 7, 5, 5, 5, 15, "участник"),
                row(5, "Нулева Нина Николаевна", "edu220003", 7, 7, 0, 0, 0, 0, null),
                row(6, "Неявкин Иван Иванович", "edu220003", 7, 7, "-", "-", "-", "не явился")));
        sheets.put("Информатика", List.of(
                row("Школьный этап ВсОШ по информатике"),
                row("8 класс, 2025-2026 уч. год"),
                row("Фамилия", "Имя", "Отчество", "Образовательная организация", "Класс", "Результат (балл)",
                        "Макс. балл", "Тип диплома"),
                row("Тестова", "Тамара", "Тестовна", "edu220001", "8", 41, 50, "диплом победителя"),
                row("Пробный", "Пётр", "Петрович", "Гимназия №2", "8", 12.5, 50, null)));
        List<int[]> merges = new java.util.ArrayList<>();
        for (int c : new int[] {0, 1, 2, 3, 4, 8, 9}) {
            merges.add(new int[] {4, c, 5, c});
        }
        merges.add(new int[] {4, 5, 4, 7});
        return book("шэ.xlsx", sheets, Map.of("Математика", merges));
    }

    /** Municipal stage: two of the school-stage participants, the school once by another spelling of its name. */
    private Path municipalStage() {
        return book("мэ.xlsx", Map.of("Лист1", List.of(
                row("Протокол муниципального этапа ВсОШ по математике 20.11.2025"),
                row("ФИО", "ОО", "Класс обучения", "Класс участия", "Итого", "Макс. балл", "Статус"),
                row("ТЕСТОВ ТЕСТ ТЕСТОВИЧ", "СОШ №1", 6, 7, 40, 50, "Победитель"),
                row("Пробная Анна Игоревна", "edu220001", "7А", 7, 10, 50, "участник"))), Map.of());
    }

    private Path essay() {
        return book("ис.xlsx", Map.of("ИС", List.of(
                row("Результаты итогового сочинения (изложения)"),
                row("Дата проведения: 03.12.2025"),
                row("№", "ФИО обучающегося", "ОО", "Класс", "Результат"),
                row(1, "Сочинёв Семён Семёнович", "edu220001", "11А", "зачёт"),
                row(2, "Писарева Полина Павловна", "edu220001", "11А", "зачет"),
                row(3, "Незачётов Нил Нилович", "edu220002", "11Б", "незачёт"),
                row(4, "Слабова Света Сергеевна", "edu220002", "11Б", "не зачтено"),
                row(5, "Плюсов Павел Павлович", "edu220002", "11Б", "+"),
                row(6, "Минусов Марк Маркович", "edu220002", "11Б", "-"),
                row(7, "Болеев Борис Борисович", "edu220002", "11Б", "не явился"))), Map.of());
    }

    @Test
    void schoolStageIsStoredWithStatusesMaximaAndTheParticipationClassAsGrade() {
        ImportOutcome o = importFile(schoolStage());

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        var imported = (ImportOutcome.Imported) o;
        assertThat(imported.format()).isEqualTo(FileFormat.OLYMPIAD_PROTOCOL.title());
        // 6 rows on «Математика» + 2 on «Информатика»; «не явился» is the one absent.
        assertThat(imported.accepted()).isEqualTo(8);
        assertThat(imported.absent()).isEqualTo(1);
        // «kind year subject grade count max(max_score)» per procedure, ordered by subject code
        List<StoredResults.Row> rows = StoredResults.all(jdbc);
        assertThat(rows.stream().collect(Collectors.groupingBy(
                        r -> r.kind() + " " + r.year() + " " + r.subjectCode() + " " + r.grade(), TreeMap::new,
                        Collectors.toList()))
                .entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size() + " " + e.getValue().stream()
                        .map(r -> r.result().maxScore()).filter(Objects::nonNull).max(Double::compare).orElse(null))
                .toList())
                .containsExactly("OLYMPIAD_SCHOOL 2025 IN 8 2 50.0", "OLYMPIAD_SCHOOL 2025 MA 7 6 35.0");
        // Winners: Тестов, Тестова; prize-winners: Пробная, Примеров; participants: Образцова, Нулева (blank), Пробный.
        assertThat(countsBy(rows, r -> r.olympiadStatus() == null ? "-" : r.olympiadStatus()))
                .containsExactly("- 1", "PARTICIPANT 3", "PRIZE_WINNER 2", "WINNER 2");
        // By school: «МБОУ «СОШ № 1»» and «Средняя общеобразовательная школа № 1» are edu220001 by name.
        assertThat(countsBy(rows, StoredResults.Row::schoolCode))
                .containsExactly("edu220001 3", "edu220002 3", "edu220003 2");
        // Тестов studies in grade 6 and wrote for grade 7: the class label keeps 6, the assessment is grade 7.
        String key = pseudonymizer.key("edu220001|2025|Тестов Тест Тестович");
        assertThat(StoredResults.where(jdbc, r -> r.participant().equals(key)))
                .extracting(r -> r.classLabel() + " " + r.grade() + " " + r.primaryScore()).containsExactly("6 7 30.0");
    }

    @Test
    void stagesOfOneOlympiadLinkByParticipantAndNamesAreStoredNowhere() {
        importFile(schoolStage());
        ImportOutcome o = importFile(municipalStage());

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        // Both municipal participants are school-stage participants of maths 7: 6 distinct keys over 8 rows.
        assertThat(StoredResults.where(jdbc, r -> r.grade() == 7 && (r.kind() == ProcedureKind.OLYMPIAD_SCHOOL
                        || r.kind() == ProcedureKind.OLYMPIAD_MUNICIPAL)).stream()
                .map(StoredResults.Row::participant).distinct().count()).isEqualTo(6);
        assertThat(StoredResults.count(jdbc, r -> r.kind() == ProcedureKind.OLYMPIAD_MUNICIPAL && r.year() == 2025))
                .isEqualTo(2);
        importFile(essay());
        // the text columns, and the results' text held in blocks since V28 (which no text column shows)
        String results = StoredResults.all(jdbc).toString().toLowerCase(Locale.ROOT);
        for (String surname : SURNAMES) {
            assertThat(DatabaseState.textColumnsContaining(jdbc, surname)).as(surname).isEmpty();
            assertThat(results).as(surname).doesNotContain(surname.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void essayResultsAreStoredAsPassedOrNot() {
        ImportOutcome o = importFile(essay());

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) o).format()).isEqualTo(FileFormat.PASS_FAIL_LIST.title());
        // зачёт, зачет, + → passed; незачёт, не зачтено, - → not; «не явился» → absent without a result.
        List<StoredResults.Row> rows = StoredResults.all(jdbc);
        assertThat(countsBy(rows, r -> r.kind() + " " + r.year() + " " + r.grade() + " "
                        + (r.passed() == null ? "-" : r.passed().toString().toUpperCase(Locale.ROOT))))
                .containsExactly("ESSAY 2025 11 - 1", "ESSAY 2025 11 FALSE 3", "ESSAY 2025 11 TRUE 3");
        assertThat(rows.stream().filter(StoredResults.Row::absent).count()).isEqualTo(1);
        assertThat(rows.stream().filter(r -> r.mark() != null || r.primaryScore() != null).count()).isZero();
        // the aggregates counted while writing (ResultSummaries) agree with the rows: 3 зачёт and 3 незачёт
        assertThat(count("select sum(passed) from result_summary")).isEqualTo(3);
        assertThat(count("select sum(failed) from result_summary")).isEqualTo(3);
        // the same sums counted from the stored rows (what the view result_live_stats counted before V28)
        long passed = rows.stream().filter(r -> Boolean.TRUE.equals(r.passed())).count();
        long failed = rows.stream().filter(r -> Boolean.FALSE.equals(r.passed())).count();
        long absent = rows.stream().filter(StoredResults.Row::absent).count();
        assertThat(passed + 10 * failed + 100 * absent)
                .isEqualTo(count("select sum(passed) + 10 * sum(failed) + 100 * sum(absent) from result_summary"));
    }

    @Test
    void aBadProtocolStoresNothingAndNamesSheetRowAndColumn() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        ImportOutcome o = importFile(book("ошибка.xlsx", Map.of("История", List.of(
                row("Протокол муниципального этапа олимпиады по истории 14.11.2025"),
                row("№", "ФИО", "ОО", "Класс участия", "Итого", "Макс. балл", "Статус"),
                row(1, "Ошибкин Олег Олегович", "edu220001", 9, 105, 100, "победитель"),
                row(2, "Неизвестнов Нил Нилович", "СОШ № 11", 9, 50, 100, "призёр"),
                row(3, "Хорошев Харитон Харитонович", "edu220002", 9, 60, 100, "Призёр"))), Map.of()));

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        List<Problem> problems = ((ImportOutcome.Rejected) o).problems();
        assertThat(problems).extracting(Problem::describe).containsExactly(
                "ошибка.xlsx, лист «История», строка 3, столбец «Итого»: балл 105 больше максимального (100)",
                "ошибка.xlsx, лист «История», строка 4, столбец «ОО»: школа «СОШ № 11» не найдена в справочнике школ "
                        + "ни по коду, ни по названию (на 2025 год); похожие: МБОУ \"СОШ № 1\" (edu220001); добавьте "
                        + "название в псевдонимы школы (aliases в schools.csv)");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void rollingBackAProtocolRemovesItsResultsOnly() {
        importFile(schoolStage());
        long municipal = ((ImportOutcome.Imported) importFile(municipalStage())).batchId();

        var outcome = rollback.rollback(municipal, "test", false);

        assertThat(outcome).isInstanceOf(ImportRollback.Outcome.RolledBack.class);
        // The 2 municipal results go; the 8 school-stage results stay.
        assertThat(((ImportRollback.Outcome.RolledBack) outcome).rowsRemoved()).isEqualTo(2);
        assertThat(StoredResults.count(jdbc)).isEqualTo(8);
    }
}
