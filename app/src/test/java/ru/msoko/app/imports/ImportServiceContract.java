package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.StoredResults;
import ru.msoko.core.canonical.Problem;

/** The import contract; run on H2 and on PostgreSQL by the subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class ImportServiceContract {

    @Autowired
    ImportService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @TempDir
    Path dir;

    @BeforeEach
    void cleanAndLoadSchools() {
        DatabaseState.clear(jdbc);
        ImportOutcome o = importText("schools.csv", Fixtures.SCHOOLS);
        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
    }

    private ImportOutcome importText(String name, String content) {
        return service.importFile(Fixtures.write(dir, name, content), name, "test", ImportOptions.STRICT);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The stored marks ordered by primary score (what {@code select mark from result order by primary_score} gave). */
    private List<Integer> marksByPrimaryScore() {
        return StoredResults.all(jdbc).stream().sorted(java.util.Comparator.comparing(StoredResults.Row::primaryScore,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).map(StoredResults.Row::mark).toList();
    }

    @Test
    void storesSchoolsWithEveryIdentifier() {
        assertThat(count("select count(*) from school")).isEqualTo(3);
        assertThat(count("select count(*) from municipality")).isEqualTo(2);
        assertThat(count("select count(*) from school_identifier")).isEqualTo(7);
    }

    @Test
    void storesResultsCompactlyWithPseudonymousParticipants() {
        ImportOutcome o = importText("results.csv", Fixtures.RESULTS);

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) o).accepted()).isEqualTo(6);
        assertThat(((ImportOutcome.Imported) o).absent()).isEqualTo(1);
        assertThat(StoredResults.count(jdbc)).isEqualTo(6);
        assertThat(count("select count(*) from assessment")).isEqualTo(1);
        // sch220002 is the old login of edu220002: three results belong to the gymnasium
        assertThat(StoredResults.count(jdbc, r -> r.schoolCode().equals("edu220002"))).isEqualTo(3);
        assertThat(StoredResults.where(jdbc, r -> r.tasks() != null).stream().map(StoredResults.Row::tasks))
                .containsExactly("121", "01-", "110", "120", "000");
        // as sum(primary_score) did: the absent participant's missing score is skipped
        assertThat(StoredResults.all(jdbc).stream().map(StoredResults.Row::primaryScore)
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum()).isEqualTo(10.0);
        assertThat(jdbc.sql("select task_layout from assessment").query(String.class).single()).isEqualTo("1=1;2=2;3=1");
        List<String> participants = StoredResults.all(jdbc).stream().map(StoredResults.Row::participant).toList();
        assertThat(participants).allSatisfy(p -> assertThat(p).matches("[0-9a-f]{24}")).doesNotContain("40001");
    }

    @Test
    void theSameFileTwiceChangesNothingAndSaysSo() {
        importText("results.csv", Fixtures.RESULTS);
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome again = importText("copy-of-results.csv", Fixtures.RESULTS);

        assertThat(again).isInstanceOf(ImportOutcome.AlreadyImported.class);
        assertThat(again.summary()).contains("уже загружен ранее (results.csv");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void aMalformedFileIsRejectedWholeAndLeavesTheDatabaseExactlyAsItWas() {
        importText("results.csv", Fixtures.RESULTS);
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        String bad = """
                procedure;year;subject;grade;school_code;participant;class;variant;1 (1б);2 (2б);3 (1б);mark
                ВПР;2025;Математика;6;edu220001;50001;А;1;1;2;1;4
                ВПР;2025;Математика;6;edu220001;50002;А;1;1;2;1;7
                ВПР;2025;Математика;6;edu999999;50003;А;1;1;2;1;4
                ВПР;2025;Математика;6;edu220001;50001;А;1;0;0;0;2
                ВПР;2025;Математика;6;edu220001;50005;А;1;1
                """;

        ImportOutcome o = importText("bad.csv", bad);

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) o).problems()).extracting(Problem::describe).containsExactly(
                "bad.csv, строка 3, столбец «mark»: «7» — не отметка: ожидается 2, 3, 4, 5 или «нет отметки»",
                "bad.csv, строка 4, столбец «school_code»: школа с кодом «edu999999» не найдена в справочнике школ (на 2025 год)",
                "bad.csv, строка 5, столбец «participant»: участник уже есть в этой процедуре (строка 2): повтор результата",
                "bad.csv, строка 6: в строке 9 полей, а в заголовке 12 — проверьте разделитель и кавычки");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void aCp1251FileWithAnErrorIsRejectedAndAFixedOneIsStored() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        String header = "procedure;year;subject;grade;school_code;participant;primary_score;mark\n";
        Charset cp1251 = Charset.forName("windows-1251");
        Path bad = Fixtures.write(dir, "огэ.csv", header + "ОГЭ;2025;Русский язык;9;edu220001;Иванов Пётр;25;отлично\n", cp1251);

        ImportOutcome rejected = service.importFile(bad, "огэ.csv", "test", ImportOptions.STRICT);

        assertThat(rejected).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) rejected).problems().get(0).describe())
                .isEqualTo("огэ.csv, строка 2, столбец «mark»: «отлично» — не отметка: ожидается 2, 3, 4, 5 или «нет отметки»");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);

        Path good = Fixtures.write(dir, "огэ2.csv", header + "ОГЭ;2025;Русский язык;9;edu220001;Иванов Пётр;25;4\n", cp1251);
        assertThat(service.importFile(good, "огэ2.csv", "test", ImportOptions.STRICT))
                .isInstanceOf(ImportOutcome.Imported.class);
        assertThat(StoredResults.all(jdbc)).singleElement().extracting(StoredResults.Row::participant).asString()
                .doesNotContainIgnoringCase("иванов").hasSize(24);
    }

    @Test
    void aSecondFileCannotRepeatAParticipantOrChangeTheTaskLayout() {
        importText("results.csv", Fixtures.RESULTS);
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        String repeat = Fixtures.RESULTS.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow()
                .replace("40001;А;м;1;1;2;1;5;5", "40001;А;м;1;1;2;1;5;4") + "\n";
        String otherLayout = """
                procedure;year;subject;grade;school_code;participant;1 (1б);2 (3б);3 (1б)
                ВПР;2025;Математика;5;edu220003;70001;1;1;1
                """;

        ImportOutcome o1 = importText("repeat.csv", repeat);
        ImportOutcome o2 = importText("layout.csv", otherLayout);

        assertThat(((ImportOutcome.Rejected) o1).problems().get(0).message())
                .contains("результат этого участника в процедуре «ВПР 2025, MA, 5 класс» уже загружен другим файлом");
        assertThat(((ImportOutcome.Rejected) o2).problems().get(0).message())
                .isEqualTo("задания в файле не совпадают с заданиями процедуры «ВПР 2025, MA, 5 класс», загруженными "
                        + "ранее: задание «2»: в файле максимум 3, ранее 2");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);

        String lowerMaxima = """
                procedure;year;subject;grade;school_code;participant;1 (1б);2 (1б);3 (1б)
                ВПР;2025;Математика;5;edu220003;70002;1;1;0
                """;
        assertThat(importText("reserve-day.csv", lowerMaxima)).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(jdbc.sql("select task_layout from assessment").query(String.class).single()).isEqualTo("1=1;2=2;3=1");
    }

    @Test
    void unknownSchoolsAreCreatedOnlyWhenAsked() {
        String text = """
                procedure;year;subject;grade;school_code;participant;primary_score;mark
                ОГЭ;2025;Математика;9;edu229999;1;20;4
                """;
        assertThat(importText("new.csv", text)).isInstanceOf(ImportOutcome.Rejected.class);

        ImportOutcome o = service.importFile(Fixtures.write(dir, "new2.csv", text), "new2.csv", "test",
                new ImportOptions(true, "M02"));

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(count("select count(*) from school s join municipality m on m.id = s.municipality_id "
                + "where s.code = 'edu229999' and m.code = 'M02'")).isEqualTo(1);
    }

    @Test
    void anUnknownSchoolCodeIsAnsweredWithTheClosestKnownCodes() {
        ImportOutcome o = importText("typo.csv", """
                procedure;year;subject;grade;school_code;participant;primary_score;mark
                ОГЭ;2025;Математика;9;edu22001;1;20;4
                """);
        assertThat(((ImportOutcome.Rejected) o).problems().get(0).message()).isEqualTo(
                "школа с кодом «edu22001» не найдена в справочнике школ (на 2025 год); похожие коды: "
                        + "edu220001, edu220002, edu220003");
    }

    private static final String SCALES = """
            year,grade,subject,max_primary,mark2_from,mark2_to,mark3_from,mark3_to,mark4_from,mark4_to,mark5_from,mark5_to,source,note
            2025,5,Математика,4,0,0,1,1,2,3,4,4,test,
            2021,8,География,40,0,12,13,26,27,35,35,40,VPR_GG-8_OPISANIE_2021.pdf,как в PDF
            """;
    private static final String CORRECTION = """
            year;grade;subject;mark;from;to;confirmed_by;reason
            2021;8;География;5;36;40;Иванова И. И.;опечатка в описании КИМ: «5» пересекается с «4»
            """;

    @Test
    void anOverlappingScaleIsRejectedAndAConfirmedCorrectionLetsItIn() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome rejected = importText("scales.csv", SCALES);

        assertThat(((ImportOutcome.Rejected) rejected).problems()).extracting(Problem::describe).containsExactly(
                "scales.csv, строка 3, столбец «mark5_from»: шкала ВПР 2021, География, 8 класс: "
                        + "отметка «5» (35–40) пересекается с отметкой «4» (27–35) на балле 35");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);

        assertThat(importText("corrections.csv", CORRECTION)).isInstanceOf(ImportOutcome.Imported.class);
        ImportOutcome loaded = importText("scales.csv", SCALES);

        assertThat(loaded).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) loaded).format()).isEqualTo("шкалы перевода первичных баллов в отметки (CSV)");
        assertThat(count("select count(*) from mark_scale")).isEqualTo(2);
        assertThat(jdbc.sql("select b.score_from from mark_scale_band b join mark_scale m on m.id = b.scale_id "
                + "where m.grade = 8 and b.mark = 5").query(Integer.class).single()).isEqualTo(36);
        assertThat(jdbc.sql("select note from mark_scale where grade = 8").query(String.class).single())
                .isEqualTo("как в PDF; исправлено: «5» 35–40 → 36–40 (подтвердил: Иванова И. И., "
                        + "причина: опечатка в описании КИМ: «5» пересекается с «4»)");
        assertThat(jdbc.sql("select format from import_batch order by id").query(String.class).list()).containsExactly(
                "schools.csv (справочник школ)", "подтверждённые исправления шкал (CSV)",
                "шкалы перевода первичных баллов в отметки (CSV)");
    }

    /** Marks come from the scale whichever is loaded first: results without marks, or the scale. */
    @Test
    void resultsWithoutMarksGetThemFromTheScale() {
        String withoutMarks = Fixtures.RESULTS.replace(";mark;journal_mark", ";journal_mark")
                .replaceAll(";([0-9X]*);([0-9X]*);([0-9X]*);[2-5];([0-9]?)\n", ";$1;$2;$3;$4\n")
                .replace(";отсутствовал;;;;;4", ";отсутствовал;;;;4");
        ImportOutcome results = importText("results.csv", withoutMarks);
        assertThat(((ImportOutcome.Imported) results).warnings()).containsExactly("шкала перевода баллов в отметки "
                + "для «ВПР 2025, MA, 5 класс» не загружена: отметки не вычислены; они появятся, когда шкала будет загружена");
        assertThat(StoredResults.count(jdbc, r -> r.mark() != null)).isZero();

        ImportOutcome scales = importText("scales.csv", SCALES.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());

        assertThat(((ImportOutcome.Imported) scales).warnings())
                .contains("по новым шкалам вычислены отметки загруженных ранее результатов: 5");
        assertThat(StoredResults.where(jdbc, r -> !r.absent()).stream().map(StoredResults.Row::mark))
                .containsExactly(5, 3, 4, 4, 2);
        assertThat(StoredResults.count(jdbc, r -> r.markScaleId() != null)).isEqualTo(5);
        String more = """
                procedure;year;subject;grade;school_code;participant;primary_score
                ВПР;2025;Математика;5;edu220003;40007;1
                """;
        importText("more.csv", more);
        assertThat(StoredResults.where(jdbc, r -> r.schoolCode().equals("edu220003"))).singleElement()
                .extracting(StoredResults.Row::mark).isEqualTo(3);
    }

    @Test
    void unrecognisedAndEmptyFilesAreRejectedWithAReason() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        ImportOutcome empty = importText("empty.csv", "");
        ImportOutcome other = importText("other.csv", "a;b;c\n1;2;3\n");
        assertThat(((ImportOutcome.Rejected) empty).problems().get(0).describe()).isEqualTo("empty.csv: файл пуст (0 байт)");
        assertThat(((ImportOutcome.Rejected) other).problems().get(0).message()).startsWith("формат файла не распознан");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Autowired
    ImportRollback rollback;
    @Autowired
    ImportLog log;
    @Autowired
    ImportRejections rejections;

    @Test
    void aRolledBackImportLeavesNothingBehindStaysInTheLogAndCanBeLoadedAgain() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        long batch = ((ImportOutcome.Imported) importText("results.csv", Fixtures.RESULTS)).batchId();
        assertThat(StoredResults.count(jdbc)).isEqualTo(6);

        ImportRollback.Outcome outcome = rollback.rollback(batch, "test", false);

        assertThat(outcome.message()).isEqualTo("загрузка № " + batch + " («results.csv») отменена: удалено 6\u00A0записей");
        Map<String, String> after = DatabaseState.fingerprint(jdbc);
        for (String table : List.of("result_block", "school", "school_identifier", "municipality", "mark_scale")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        assertThat(count("select count(*) from assessment where task_layout is null")).isEqualTo(1);
        ImportLog.Entry entry = log.find(batch).orElseThrow();
        assertThat(entry.rolledBack()).isTrue();
        assertThat(entry.rolledBackBy()).isEqualTo("test");
        assertThat(rollback.rollback(batch, "test", false).message()).startsWith("загрузка № " + batch + " уже отменена");

        ImportOutcome again = importText("results.csv", Fixtures.RESULTS);
        assertThat(again).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(StoredResults.count(jdbc)).isEqualTo(6);
    }

    @Test
    void rollingBackAScaleTakesAwayTheMarksItGaveAndAnotherUsersImportIsNotOursToRollBack() {
        String withoutMarks = "procedure;year;subject;grade;school_code;participant;primary_score\n"
                + "ВПР;2025;Математика;5;edu220003;40007;1\nВПР;2025;Математика;5;edu220003;40008;4\n";
        importText("results.csv", withoutMarks);
        long scale = ((ImportOutcome.Imported) importText("scales.csv",
                SCALES.lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow())).batchId();
        assertThat(StoredResults.all(jdbc).stream().map(StoredResults.Row::mark)).containsExactly(3, 5);

        assertThat(rollback.rollback(scale, "someone-else", true).message())
                .isEqualTo("загрузку № " + scale + " сделал другой пользователь (test): отменить её может он "
                        + "или пользователь с правом загрузки для всего региона");
        assertThat(count("select count(*) from mark_scale")).isEqualTo(1);

        rollback.rollback(scale, "test", true);

        assertThat(count("select count(*) from mark_scale")).isZero();
        assertThat(count("select count(*) from mark_scale_band")).isZero();
        assertThat(StoredResults.count(jdbc, r -> r.mark() != null || r.markScaleId() != null)).isZero();
        assertThat(StoredResults.count(jdbc)).isEqualTo(2);
    }

    /** The repository's reference/gia-scales.csv (the module's parent when tests run in app). */
    private static Path giaReference() {
        Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (!java.nio.file.Files.exists(d.resolve("reference/gia-scales.csv"))) {
            d = d.getParent();
        }
        return d.resolve("reference/gia-scales.csv");
    }

    /** Test data, not an official scale: ОГЭ 2024 physics with «3» from 12 instead of 11 (data-formats §2.3). */
    private static final String PHYSICS_V2 = """
            procedure;year;subject;grade;entry;mark;primary_from;primary_to;source
            ОГЭ;2024;Физика;9;mark;2;0;11;исправленная версия
            ОГЭ;2024;Физика;9;mark;3;12;22;исправленная версия
            ОГЭ;2024;Физика;9;mark;4;23;34;исправленная версия
            ОГЭ;2024;Физика;9;mark;5;35;45;исправленная версия
            """;

    /**
     * The shipped ГИА scales import without problems; results without marks get them from the scale in force; a
     * new version of a scale re-marks them, and rolling it back brings the earlier version and its marks back.
     */
    @Test
    void giaScalesAreVersionedAndARollbackBringsTheEarlierVersionBack() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        ImportOutcome reference = service.importFile(giaReference(), "gia-scales.csv", "test", ImportOptions.STRICT);

        // 40 scales (counted in GiaScaleCsvTest): 25 with 4 bands (14 ОГЭ, 10 ГВЭ-9, ЕГЭ base maths) = 100 bands;
        // rules: ОГЭ Russian 2 + mathematics 1; no ЕГЭ table is given by the documents
        assertThat(reference).isInstanceOf(ImportOutcome.Imported.class);
        long first = ((ImportOutcome.Imported) reference).batchId();
        assertThat(((ImportOutcome.Imported) reference).format()).isEqualTo("шкалы ГИА: ОГЭ, ГВЭ, ЕГЭ (CSV)");
        assertThat(count("select count(*) from gia_scale")).isEqualTo(40);
        assertThat(count("select count(*) from gia_scale_band")).isEqualTo(100);
        assertThat(count("select count(*) from gia_scale_rule")).isEqualTo(3);
        assertThat(count("select count(*) from gia_scale_point")).isZero();
        assertThat(jdbc.sql("select tasks from gia_scale_rule where mark = 3").query(String.class).single())
                .isEqualTo("15 16 17 18 19 23 24 25");

        // physics 2024 (0–10/11–22/23–34/35–45): 10 → «2», 11 → «3», 35 → «5»
        importText("oge.csv", """
                procedure;year;subject;grade;school_code;participant;primary_score
                ОГЭ;2024;Физика;9;edu220001;50001;10
                ОГЭ;2024;Физика;9;edu220001;50002;11
                ОГЭ;2024;Физика;9;edu220002;50003;35
                """);
        assertThat(marksByPrimaryScore())
                .containsExactly(2, 3, 5);
        assertThat(StoredResults.count(jdbc, r -> r.giaScaleId() != null)).isEqualTo(3);

        ImportOutcome.Imported second = (ImportOutcome.Imported) importText("physics-v2.csv", PHYSICS_V2);

        assertThat(second.warnings()).containsExactly("шкала «ОГЭ 2024, PH, 9 класс»: новая версия вместо загруженной в "
                + "загрузке № " + first + "; действует новая",
                "по шкалам ГИА вычислены отметки или тестовые баллы загруженных ранее результатов: 3");
        assertThat(count("select count(*) from gia_scale")).isEqualTo(41);
        // version 2: 11 → «2»
        assertThat(marksByPrimaryScore())
                .containsExactly(2, 2, 5);
        assertThat(((ImportOutcome.Imported) importText("physics-v2-again.csv", PHYSICS_V2 + "\n")).warnings())
                .containsExactly("уже загруженных ранее шкал с тем же содержанием: 1");
        assertThat(count("select count(*) from gia_scale")).isEqualTo(41);

        rollback.rollback(second.batchId(), "test", false);

        assertThat(count("select count(*) from gia_scale")).isEqualTo(40);
        assertThat(marksByPrimaryScore())
                .containsExactly(2, 3, 5);

        rollback.rollback(first, "test", false);

        assertThat(StoredResults.count(jdbc, r -> r.mark() != null || r.giaScaleId() != null)).isZero();
        Map<String, String> after = DatabaseState.fingerprint(jdbc);
        for (String table : List.of("gia_scale", "gia_scale_band", "gia_scale_point", "gia_scale_rule")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
    }

    @Test
    void aGiaScaleWithAGapIsRejectedNamingItsBand() {
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome o = importText("gap.csv", PHYSICS_V2.replace("mark;3;12;22", "mark;3;13;22"));

        assertThat(((ImportOutcome.Rejected) o).problems()).extracting(Problem::describe).containsExactly(
                "gap.csv, строка 3, столбец «primary_from»: шкала ОГЭ 2024, PH, 9 класс: между отметкой «2» (0–11) и "
                        + "отметкой «3» (13–22) пропущен балл 12");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    /**
     * The blocks' table as V28__Result_blocks creates it: a primary key, foreign keys to the import, the procedure and
     * the school, and the indexes the readers use — by school and procedure, by procedure, by import (the rollback).
     */
    @Test
    void resultBlockHasItsKeysAndTheIndexesTheReadersUse() throws Exception {
        java.util.Set<String> primary = new java.util.TreeSet<>();
        java.util.Map<String, String> keyed = new java.util.TreeMap<>();
        java.util.Map<String, java.util.SortedMap<Short, String>> indexes = new java.util.TreeMap<>();
        try (var c = dataSource.getConnection()) {
            try (var keys = c.getMetaData().getPrimaryKeys(null, null, "result_block")) {
                while (keys.next()) {
                    primary.add(lower(keys.getString("COLUMN_NAME")));
                }
            }
            try (var keys = c.getMetaData().getImportedKeys(null, null, "result_block")) {
                while (keys.next()) {
                    keyed.put(lower(keys.getString("FKCOLUMN_NAME")), lower(keys.getString("PKTABLE_NAME")));
                }
            }
            try (var index = c.getMetaData().getIndexInfo(null, null, "result_block", false, false)) {
                while (index.next()) {
                    if (index.getString("COLUMN_NAME") != null) {
                        indexes.computeIfAbsent(index.getString("INDEX_NAME"), k -> new java.util.TreeMap<>())
                                .put(index.getShort("ORDINAL_POSITION"), lower(index.getString("COLUMN_NAME")));
                    }
                }
            }
        }
        assertThat(primary).containsExactly("id");
        assertThat(keyed).containsExactlyInAnyOrderEntriesOf(Map.of("import_id", "import_batch",
                "assessment_id", "assessment", "school_id", "school"));
        // each index as its columns in order: one per query path, each also the index of its foreign key (V29)
        assertThat(indexes.values().stream().map(columns -> List.copyOf(columns.values())).toList())
                .containsExactlyInAnyOrder(List.of("id"), List.of("school_id"), List.of("assessment_id"),
                        List.of("import_id"));
    }

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /** A new kind of stored data must not escape a rollback: every table with an import_id is rolled back. */
    @Test
    void everyTableThatBelongsToAnImportIsRolledBack() {
        List<String> tables = jdbc.sql("""
                select lower(c.table_name) from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where lower(c.column_name) = 'import_id' and lower(c.table_schema) = 'public'
                  and t.table_type = 'BASE TABLE'""")
                .query(String.class).list();
        assertThat(tables).isNotEmpty();
        assertThat(ImportRollback.TABLES_BY_IMPORT).containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void withSkipInvalidRowsOnlyTheRowsWithProblemsAreLeftOutAndListed() {
        String bad = Fixtures.RESULTS.replace("40002;А;ж;2;0;1;X;3;4", "40002;А;ж;2;0;один;X;3;4")
                .replace("40005;А;м;1;0;0;0;2;3", "40005;А;м;1;0;0;0;7;3");

        ImportOutcome o = service.importFile(Fixtures.write(dir, "bad.csv", bad), "bad.csv", "test",
                new ImportOptions(false, null, true));

        ImportOutcome.Imported imported = (ImportOutcome.Imported) o;
        // the fixture stores 6 results; rows 40002 and 40005 are left out
        assertThat(StoredResults.count(jdbc)).isEqualTo(4);
        assertThat(imported.accepted()).isEqualTo(4);
        assertThat(imported.warnings().get(0)).startsWith("не загружено строк с ошибками: 2 (ошибок: 2)");
        assertThat(log.recentRejections(1).get(0).rowsRejected()).isEqualTo(2);
    }

    @Test
    void withSkipInvalidRowsAProblemOfTheWholeFileStillRejectsIt() {
        importText("results.csv", Fixtures.RESULTS);
        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        // the same work with another task layout: a problem of the file, not of a row
        String other = Fixtures.RESULTS.replaceFirst("3 \\(1б\\)", "3 (2б)")
                .replace("4000", "5000");

        ImportOutcome o = service.importFile(Fixtures.write(dir, "other.csv", other), "other.csv", "test",
                new ImportOptions(false, null, true));

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @Test
    void aRejectedFileIsLoggedWithItsProblemsAsAWorkbookAndTheStoredOneWithWhyItWasRecognised() throws Exception {
        String bad = Fixtures.RESULTS.replace("40002;А;ж;2;0;1;X;3;4", "40002;А;ж;2;0;один;X;3;4")
                .replace("40005;А;м;1;0;0;0;2;3", "40005;А;м;1;0;0;0;7;3");
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome.Rejected rejected = (ImportOutcome.Rejected) importText("bad.csv", bad);

        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
        assertThat(rejected.rowsRejected()).isEqualTo(2);
        ImportLog.Rejection logged = log.recentRejections(1).get(0);
        assertThat(logged.fileName()).isEqualTo("bad.csv");
        assertThat(logged.problemsTotal()).isEqualTo(rejected.totalProblems());
        assertThat(logged.rowsRejected()).isEqualTo(2);
        assertThat(logged.because()).isEqualTo("распознан как «results.csv (канонический формат результатов)», потому что "
                + "в первой строке есть столбцы «procedure» и «participant» (канонический формат, DESIGN §4)");
        assertThat(log.problems(logged.id())).extracting(Problem::describe)
                .containsExactlyElementsOf(rejected.problems().stream().map(Problem::describe).toList());

        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        assertThat(rejections.writeXlsx(logged.id(), xlsx)).isTrue();
        List<String> cells = new java.util.ArrayList<>();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.toByteArray()));
             var rows = wb.getFirstSheet().openStream()) {
            rows.forEach(r -> r.forEach(c -> cells.add(c == null ? "" : c.getRawValue())));
        }
        assertThat(cells).contains("Файл: bad.csv", "Что не так", "3", "6", rejected.problems().get(0).message());
        assertThat(rejections.writeXlsx(logged.id() + 1000, new java.io.ByteArrayOutputStream())).isFalse();

        ImportOutcome.Imported stored = (ImportOutcome.Imported) importText("results.csv", Fixtures.RESULTS);
        assertThat(log.find(stored.batchId()).orElseThrow().because()).startsWith("распознан как «results.csv");
    }
}
