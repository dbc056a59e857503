package ru.msoko.app.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportRollback;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.RealData;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.Settlement;

/**
 * ФИС ОКО school context forms: imported after the login list, rolled back, and read by the analysis over the
 * school directory's values; run on H2 and on PostgreSQL by the subclasses. Counts of the real 2021 form were
 * computed with {@code tools/xlsx.py}, as written beside each assertion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class SchoolContextContract {

    private static final String FORM_2021 = "vpr-altai-krai-fisoko/Сбор контекстных данных об ОО и участниках ВПР 2021.xlsx";
    private static final String PUPILS_2021 = "Укажите количество обучающихся в ОО в 2020/2021 учебном году (в сумме по всем классам)";
    private static final String TEACHERS_2021 = "Сколько всего в школе учителей (работающих не менее чем на 0,5 ставки)?";
    private static final String WHERE_2021 = "Где расположена Ваша образовательная организация?";
    private static final String PUPILS_2022 =
            "20. Укажите количество обучающихся в ОО в 2021/2022 учебном году (в сумме по всем классам/курсам)";
    private static final String TEACHERS_2022 = "25. Сколько всего в ОО учителей/преподавателей?";
    private static final String WHERE_2022 = "14. Где расположена образовательная организация?";
    private static final String RURAL_2022 = "4) Населенный пункт сельского типа (поселок, село, деревня, станица, хутор и пр.)";

    @Autowired
    ImportService imports;
    @Autowired
    ImportRollback rollback;
    @Autowired
    AnalysisDataLoader loader;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    @BeforeEach
    void loadLogins() {
        DatabaseState.clear(jdbc);
        ImportOutcome logins = imports.importFile(RealData.require("vpr-altai-krai-fisoko/logins.xlsx"), "logins.xlsx", "t",
                ImportOptions.STRICT);
        assertThat(logins).isInstanceOf(ImportOutcome.Imported.class);
    }

    @Test
    void theReal2021FormIsRejectedWhileTheDirectoryLacksItsLoginsAndNothingChanges() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome o = imports.importFile(RealData.require(FORM_2021), "ctx2021.xlsx", "t", ImportOptions.STRICT);

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        var problems = ((ImportOutcome.Rejected) o).problems();
        // xlsx.py: 45 logins of the form are not in logins.xlsx (8 spo22…, 37 sch22…); the first is spo220002, row 37
        assertThat(problems).hasSize(45);
        assertThat(problems.get(0).describe()).startsWith("ctx2021.xlsx, лист «Сбор контекстных данных об ОО и», строка 37, "
                + "столбец «логин»: школа с кодом «spo220002» не найдена в справочнике школ (на 2021 год)")
                .contains("сначала загрузите справочник школ");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void theReal2021FormIsStoredReadByTheAnalysisAndRolledBack() {
        ImportOutcome o = imports.importFile(RealData.require(FORM_2021), "ctx2021.xlsx", "t", new ImportOptions(true, null));

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        long batch = ((ImportOutcome.Imported) o).batchId();
        // xlsx.py: 733 school rows; 56186 non-empty cells besides the login and the three emptied personal columns;
        // 45 logins not in logins.xlsx are created; pupils summed over the filled cells = 307792; rural: 472
        assertThat(count("select count(*) from school_context where context_year = 2021")).isEqualTo(733);
        assertThat(count("select count(*) from school_context_answer")).isEqualTo(56_186);
        assertThat(count("select count(*) from school")).isEqualTo(692 + 45);
        assertThat(count("select sum(pupils) from school_context")).isEqualTo(307_792);
        assertThat(count("select count(*) from school_context where settlement = 'VILLAGE'")).isEqualTo(472);
        // xlsx.py row of sch223748: 199 pupils, 14 teachers, «3. Населенный пункт городского типа …»
        School cadets = schools(2021).get("sch223748");
        assertThat(cadets.context().pupils()).isEqualTo(199);
        assertThat(cadets.context().teachers()).isEqualTo(14);
        assertThat(cadets.settlement()).isEqualTo(Settlement.CITY);

        ImportRollback.Outcome undone = rollback.rollback(batch, "t", false);

        assertThat(undone).isInstanceOf(ImportRollback.Outcome.RolledBack.class);
        // the count is of contexts; their answers go with them (as a scale's bands, a codifier's tasks)
        assertThat(((ImportRollback.Outcome.RolledBack) undone).rowsRemoved()).isEqualTo(733);
        assertThat(count("select count(*) from school_context")).isZero();
        assertThat(count("select count(*) from school_context_answer")).isZero();
        assertThat(schools(2021).get("sch223748").context().pupils()).isNull();
    }

    @Test
    void theReal2022FormIsRecognisedAndItsEduLoginsMatchTheSchLoginsOfTheList() {
        ImportOutcome o = imports.importFile(RealData.require(
                "vpr-altai-krai-fisoko/vpr_results/2022/Сбор контекстных данных об ОО (2022).xlsx"), "ctx2022.xlsx", "t",
                new ImportOptions(true, null));

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        // xlsx.py: 678 logins edu22NNNN; only 3 have no sch22NNNN twin in logins.xlsx (edu224296, edu224299, edu224379)
        assertThat(count("select count(*) from school_context where context_year = 2022")).isEqualTo(678);
        assertThat(count("select count(*) from school")).isEqualTo(692 + 3);
        // xlsx.py: in 3 rows a count on АОП exceeds its birth-year cohort: told, not rejected
        assertThat(((ImportOutcome.Imported) o).warnings()).anyMatch(w -> w.startsWith("доля обучающихся по АОП (ОВЗ) не вычислена у 3 ОО"));
    }

    @Test
    void theContextOfTheAnalysedYearOrTheNearestEarlierOneOverridesTheDirectory() {
        jdbc.sql("update school set pupils = 999, teachers = 99, settlement = 'VILLAGE' where code in ('sch224145', 'sch224144')")
                .update();
        importForm("ctx2021.xlsx", List.of(List.of("логин", WHERE_2021, PUPILS_2021, TEACHERS_2021),
                List.of("sch224145", "2. Город", 500, 40)));
        // the 2022 form names the school by its new login edu…, the directory knows it as sch… (data-formats §1.7)
        importForm("ctx2022.xlsx", List.of(List.of("Пользователь", WHERE_2022, PUPILS_2022, TEACHERS_2022),
                List.of("edu224145", RURAL_2022, 520, 42)));

        School of2021 = schools(2021).get("sch224145");
        assertThat(of2021.context().pupils()).isEqualTo(500);
        assertThat(of2021.context().teachers()).isEqualTo(40);
        assertThat(of2021.settlement()).isEqualTo(Settlement.CITY);
        assertThat(schools(2022).get("sch224145").context().pupils()).isEqualTo(520);
        assertThat(schools(2022).get("sch224145").settlement()).isEqualTo(Settlement.VILLAGE);
        assertThat(schools(2030).get("sch224145").context().pupils()).isEqualTo(520);
        // nothing as old as 2020: the newest context
        assertThat(schools(2020).get("sch224145").context().pupils()).isEqualTo(520);
        // a school without a context keeps the directory's values
        assertThat(schools(2022).get("sch224144").context().pupils()).isEqualTo(999);

        long later = importForm("ctx2022-corrected.xlsx", List.of(List.of("Пользователь", WHERE_2022, PUPILS_2022, TEACHERS_2022),
                java.util.Arrays.asList("edu224145", RURAL_2022, 530, null)));
        // the later import of the same year wins whole: a question it leaves blank falls back to the directory, not to
        // the earlier import
        assertThat(schools(2022).get("sch224145").context().pupils()).isEqualTo(530);
        assertThat(schools(2022).get("sch224145").context().teachers()).isEqualTo(99);
        rollback.rollback(later, "t", false);
        assertThat(schools(2022).get("sch224145").context().pupils()).isEqualTo(520);
    }

    @Test
    void textInANumericCellRejectsTheFormNamingSheetRowAndColumnAndChangesNothing() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome o = imports.importFile(write("bad.xlsx", List.of(List.of("логин", WHERE_2021, PUPILS_2021, TEACHERS_2021),
                List.of("sch224145", "2. Город", 500, 40), List.of("sch224144", "2. Город", "пятьсот", 40))),
                "bad.xlsx", "t", ImportOptions.STRICT);

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) o).problems()).singleElement().satisfies(p -> assertThat(p.describe())
                .isEqualTo("bad.xlsx, лист «Лист1», строка 3, столбец «" + PUPILS_2021
                        + "»: «пятьсот» — не целое неотрицательное число (количество)"));
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    private long importForm(String name, List<List<Object>> rows) {
        ImportOutcome o = imports.importFile(write(name, rows), name, "t", ImportOptions.STRICT);
        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        return ((ImportOutcome.Imported) o).batchId();
    }

    private Map<String, School> schools(int year) {
        return loader.load(year).schools().stream().collect(Collectors.toMap(School::code, Function.identity()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** A small form with fake values on sheet «Лист1»; a cell is a String, a Number or {@code null}. */
    private Path write(String name, List<List<Object>> rows) {
        return ru.msoko.app.support.XlsxFiles.write(dir.resolve(name), Map.of("Лист1", rows));
    }
}
