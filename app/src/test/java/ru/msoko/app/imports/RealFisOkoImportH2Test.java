package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
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
import ru.msoko.app.support.RealData;
import ru.msoko.app.support.StoredResults;
import ru.msoko.core.canonical.Problem;

/** The real Altai Krai ФИС ОКО files imported end to end into H2, with the real codifiers and scales. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RealFisOkoImportH2Test {

    @Autowired
    ImportRollback rollback;
    @Autowired
    ru.msoko.app.codifiers.CodifierRepository codifiers;

    private static final String DATA = "vpr-altai-krai-fisoko/";
    private static final String CODIFIERS = DATA + "Описание_работ";

    @Autowired
    ImportService service;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
        registry.add("msoko.codifiers", () -> RealData.path(CODIFIERS).toString());
    }

    @BeforeAll
    static void realDataIsThere() {
        RealData.require(CODIFIERS);
    }

    @BeforeEach
    void cleanAndLoadSchools() {
        DatabaseState.clear(jdbc);
        importFile(Fixtures.write(dir, "schools.csv", Fixtures.SCHOOLS + "edu223018;МБОУ \"СОШ\";M02;Каменский район;;СОШ;село;50\n"),
                ImportOptions.STRICT);
    }

    private ImportOutcome importFile(Path file, ImportOptions options) {
        return service.importFile(file, file.getFileName().toString(), "test", options);
    }

    private ImportOutcome importReal(String relative, ImportOptions options) {
        return importFile(RealData.require(DATA + relative), options);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private void loadRealScales() {
        importFile(Fixtures.write(dir, "corrections.csv", """
                year;grade;subject;mark;from;to;confirmed_by;reason
                2021;8;География;5;36;40;тест;опечатка в описании КИМ
                """), ImportOptions.STRICT);
        assertThat(importFile(RealData.require("vpr-scales-2021/vpr-2021-mark-scales.csv"), ImportOptions.STRICT))
                .isInstanceOf(ImportOutcome.Imported.class);
    }

    /** РУ-5 2021: SOURCE.md counts, marks from the scale as published (14.9 / 40.6 / 33.3 / 11.2 %). */
    @Test
    void importsThe2021ExportWithItsSchoolsMunicipalitiesAndMarks() {
        loadRealScales();
        long start = System.nanoTime();

        ImportOutcome o = importReal("vpr_results/2021/5/Проведение работы по русскому языку, 5 класс. ВПР 2021.xlsx",
                new ImportOptions(true, null));

        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("РУ-5 2021 (26 501 строка): импорт в H2 за " + millis + " мс");
        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        var imported = (ImportOutcome.Imported) o;
        assertThat(imported.format()).isEqualTo("ФИС ОКО: выгрузка «Проведение работы» (ВПР 2021)");
        assertThat(imported.accepted()).isEqualTo(26_501);
        assertThat(imported.absent()).isEqualTo(2_716);
        List<StoredResults.Row> present = StoredResults.where(jdbc, r -> !r.absent());
        assertThat(present).hasSize(23_785);
        assertThat(present.stream().map(StoredResults.Row::schoolId).distinct().count()).isEqualTo(633);
        assertThat(count("select count(*) from school s join municipality m on m.id = s.municipality_id "
                + "where s.code like 'sch%'")).isEqualTo(637);
        assertThat(jdbc.sql("select task_layout from assessment").query(String.class).single()).startsWith("1К1=4;1К2=3;1К3=2;2К1=3");
        Map<Integer, Long> marks = StoredResults.all(jdbc).stream().filter(r -> r.mark() != null)
                .collect(Collectors.groupingBy(StoredResults.Row::mark, Collectors.counting()));
        double all = marks.values().stream().mapToLong(Long::longValue).sum();
        assertThat(all).isEqualTo(23_785);
        assertThat(100 * marks.get(2) / all).isCloseTo(14.9, within(0.1));
        assertThat(100 * marks.get(3) / all).isCloseTo(40.6, within(0.1));
        assertThat(100 * marks.get(4) / all).isCloseTo(33.3, within(0.1));
        assertThat(100 * marks.get(5) / all).isCloseTo(11.2, within(0.1));
        assertThat(jdbc.sql("select format from import_batch order by id desc limit 1").query(String.class).single())
                .isEqualTo(imported.format());

        assertThat(importReal("vpr_results/2021/5/Проведение работы по русскому языку, 5 класс. ВПР 2021.xlsx",
                ImportOptions.STRICT)).isInstanceOf(ImportOutcome.AlreadyImported.class);
    }

    /**
     * The ФИС ОКО login list is a school directory: after it the 2021 export loads without creating anything. All
     * 637 logins of РУ-5 are in the list (python3 tools/xlsx.py on both files, comm -23 of the sorted logins → 0);
     * the list's 70 municipality spellings («г. Бийск», «Каменский район») are 70 territories, one of them the
     * fixture's «Каменский район».
     */
    @Test
    void theLoginListIsADirectoryThatTheExportThenMatchesWithoutCreatingSchools() {
        ImportOutcome list = importReal("logins.xlsx", ImportOptions.STRICT);

        assertThat(list).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) list).format()).isEqualTo("список логинов ОО ФИС ОКО (справочник школ)");
        assertThat(count("select count(*) from school")).isEqualTo(4 + 692);
        assertThat(count("select count(*) from municipality")).isEqualTo(2 + 69);
        assertThat(count("select count(*) from school s join municipality m on m.id = s.municipality_id "
                + "where m.code = 'M02'")).isEqualTo(2 + 15);
        long batch = ((ImportOutcome.Imported) list).batchId();
        assertThat(rollback.rollback(batch, "test", false).message()).contains("справочник не отменяется");

        ImportOutcome o = importReal("vpr_results/2021/5/Проведение работы по русскому языку, 5 класс. ВПР 2021.xlsx",
                ImportOptions.STRICT);

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(count("select count(*) from school")).isEqualTo(4 + 692);
        assertThat(StoredResults.where(jdbc, r -> !r.absent()).stream().map(StoredResults.Row::schoolId).distinct()
                .count()).isEqualTo(633);
    }

    /**
     * The 12 Altai descriptions are stored as reference data: 185 positions in all (distinct «№» of each ALL.xlsx,
     * python3 tools/xlsx.py: 9+22+18+13+9+18+9+15 for grade 11, 15+20 for grade 4, 16+21 for grade 5).
     */
    @Test
    void codifiersAreStoredAsVersionedReferenceDataAndRolledBackAsAWhole() {
        Path root = RealData.require(CODIFIERS);
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome withoutYear = service.importCodifiers(root, null, "test");

        assertThat(((ImportOutcome.Rejected) withoutYear).problems().get(0).describe()).isEqualTo(
                "11/Английский язык/ALL.xlsx: год описания не указан: положите папку в папку года (2021/11/…) "
                        + "или укажите год (--year)");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);

        ImportOutcome stored = service.importCodifiers(root, 2021, "test");

        assertThat(stored).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(count("select count(*) from work_codifier where exam_year = 2021")).isEqualTo(12);
        assertThat(count("select count(*) from work_codifier_task")).isEqualTo(185);
        assertThat(count("select count(*) from work_codifier_task where difficulty = 'П'")).isEqualTo(2 + 4 + 2 + 6 + 6 + 4 + 4 + 4 + 1 * 3);
        var ru5 = new ru.msoko.core.domain.Procedure.Key(ru.msoko.core.domain.ProcedureKind.VPR, 2021,
                jdbc.sql("select code from subject where name = 'Русский язык'").query(String.class).single(), 5);
        assertThat(codifiers.layout(ru5)).contains(ru.msoko.core.fisoko.Codifiers.read(root.resolve("5/Русский язык/ALL.xlsx")));
        assertThat(codifiers.tasks(ru5).get(0).contentCodes()).isNotBlank();
        assertThat(service.importCodifiers(root, 2021, "test")).isInstanceOf(ImportOutcome.AlreadyImported.class);

        rollback.rollback(((ImportOutcome.Imported) stored).batchId(), "test", false);

        assertThat(count("select count(*) from work_codifier")).isZero();
        assertThat(count("select count(*) from work_codifier_task")).isZero();
        assertThat(count("select count(*) from work_codifier_code")).isZero();
        assertThat(codifiers.layout(ru5)).isEmpty();
    }

    /** МА-4 2021 has 16 totals above the maximum of 20: nothing is stored, not even the schools asked for. */
    @Test
    void aFileWithTotalsAboveTheMaximumChangesNothing() {
        loadRealScales();
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome o = importReal("vpr_results/2021/4/Проведение работы по математике, 4 класс. ВПР 2021.xlsx",
                new ImportOptions(true, null));

        List<Problem> totals = ((ImportOutcome.Rejected) o).problems().stream()
                .filter(p -> "всего баллов".equals(p.column())).toList();
        assertThat(totals).hasSize(16);
        assertThat(totals.get(0).describe()).isEqualTo("Проведение работы по математике, 4 класс. ВПР 2021.xlsx, "
                + "лист «Sheet», строка 7053, столбец «всего баллов»: первичный балл 21 больше максимального балла работы (20)");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    /**
     * The same file with «skip invalid rows»: the 16 rows are left out and listed, the rest is stored. 26 666 data
     * rows: {@code python3 tools/xlsx.py "<file>" | tail -n +2 | awk -F'\t' 'NF>1' | wc -l}.
     */
    @Test
    void withSkipInvalidRowsTheOtherRowsOfThatFileAreStoredAndTheSixteenListed() {
        loadRealScales();
        long rejectionsBefore = count("select count(*) from import_rejection");

        ImportOutcome o = importReal("vpr_results/2021/4/Проведение работы по математике, 4 класс. ВПР 2021.xlsx",
                new ImportOptions(true, null, true));

        ImportOutcome.Imported imported = (ImportOutcome.Imported) o;
        assertThat(imported.rows()).isEqualTo(26_666);
        assertThat(StoredResults.count(jdbc)).isEqualTo(26_666 - 16);
        assertThat(imported.warnings().get(0)).startsWith("не загружено строк с ошибками: 16 (ошибок: 16)");
        assertThat(count("select count(*) from import_rejection")).isEqualTo(rejectionsBefore + 1);
        assertThat(count("select max(rows_rejected) from import_rejection")).isEqualTo(16);
    }

    @Test
    void theFormOf2022CreatesAnUnknownSchoolInItsMunicipalityOnlyWhenAsked() {
        ImportOutcome strict = importReal("vpr_results/2022/5/Математика.xlsx", ImportOptions.STRICT);

        assertThat(((ImportOutcome.Rejected) strict).problems().get(0).describe()).isEqualTo("Математика.xlsx, "
                + "лист «Протокол», строка 2, столбец «Пользователь»: школа с кодом «edu223017» не найдена в справочнике "
                + "школ (на 2022 год); похожие коды: edu223018");

        ImportOutcome created = importReal("vpr_results/2022/5/Математика.xlsx", new ImportOptions(true, null));

        assertThat(created).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) created).format()).isEqualTo("ФИС ОКО: форма сбора результатов ВПР (Классы, Протокол)");
        assertThat(jdbc.sql("select s.name || ' / ' || m.code || ' / ' || m.name from school s "
                        + "join municipality m on m.id = s.municipality_id where s.code = 'edu223017'")
                .query(String.class).single()).isEqualTo("МБОУ \"Вавилонская СОШ\" / reg22_m001 / Алейский муниципальный район");
        assertThat(StoredResults.count(jdbc)).isEqualTo(7);
        assertThat(StoredResults.count(jdbc, r -> r.mark() == null)).isEqualTo(7);
    }
}
