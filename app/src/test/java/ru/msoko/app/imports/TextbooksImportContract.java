package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

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
import ru.msoko.app.support.RealData;
import ru.msoko.app.support.XlsxFiles;
import ru.msoko.app.textbooks.TextbookRepository;
import ru.msoko.core.canonical.Problem;

/** The ФИС ОКО textbook list as versioned reference data; run on H2 and on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class TextbooksImportContract {

    static final String BOOKS = "vpr-altai-krai-fisoko/books.xlsx";
    /** {@code python3 tools/xlsx.py books.xlsx | grep '^ma4\.8\t' | cut -f2} */
    static final String MA48 = "Моро М.И.,Бантова М.А.,Бельтюкова Г.В. и др. Математика (в 2 частях) 4 класс "
            + "АО \"Издательство \"Просвещение\"";

    @Autowired
    ImportService service;
    @Autowired
    ImportRollback rollback;
    @Autowired
    TextbookRepository textbooks;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        DatabaseState.clear(jdbc);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private ImportOutcome.Imported imported(ImportOutcome o) {
        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        return (ImportOutcome.Imported) o;
    }

    private ImportOutcome importFile(Path file, String name) {
        return service.importFile(file, name, "test", ImportOptions.STRICT);
    }

    /**
     * {@code python3 tools/xlsx.py books.xlsx | wc -l} → 1004 rows; the last, «nan» — «Нет данных», names no textbook,
     * so 1003 are stored; {@code … | cut -f1 | grep -c '^ma[0-9]'} → 136, {@code '^ru[0-9]'} → 132, {@code '^hi8'} → 27
     * (chemistry, grade 8); every prefix names a subject of the directory.
     */
    @Test
    void theRealListIsStoredOnceAndARollbackTakesItAway() {
        Path file = RealData.require(BOOKS);

        ImportOutcome.Imported o = imported(importFile(file, "books.xlsx"));

        assertThat(o.format()).isEqualTo(FileFormat.TEXTBOOKS_XLSX.title());
        assertThat(o.accepted()).isEqualTo(1003);
        assertThat(o.warnings()).containsExactly("пропущено строк «nan» — «Нет данных» (учебник не указан): 1");
        assertThat(count("select count(*) from textbook")).isEqualTo(1003);
        assertThat(count("select count(*) from textbook where subject_id is null")).isZero();
        assertThat(count("select count(*) from textbook t join subject s on s.id = t.subject_id where s.code = 'MA'"))
                .isEqualTo(136);
        assertThat(count("select count(*) from textbook t join subject s on s.id = t.subject_id where s.code = 'RU'"))
                .isEqualTo(132);
        assertThat(count("""
                select count(*) from textbook t join subject s on s.id = t.subject_id
                where s.code = 'CH' and t.subject_prefix = 'hi' and t.grade = 8""")).isEqualTo(27);
        assertThat(jdbc.sql("select detected_because from import_batch where id = :id").param("id", o.batchId())
                .query(String.class).single()).isEqualTo(FileFormat.TEXTBOOKS_XLSX.explanation());
        assertThat(textbooks.describe("MA 4.8")).contains(MA48);
        assertThat(textbooks.describe("ma4.8 | 1.1.3.1.8.4 | Моро")).contains(MA48);
        assertThat(textbooks.describe("ma4.999")).isEmpty();

        Map<String, String> before = DatabaseState.fingerprint(jdbc);
        ImportOutcome again = importFile(file, "books (копия).xlsx");
        assertThat(again).isInstanceOf(ImportOutcome.AlreadyImported.class);
        assertThat(again.summary()).contains("уже загружен ранее (books.xlsx");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);

        ImportRollback.Outcome undone = rollback.rollback(o.batchId(), "test", false);

        assertThat(undone.message()).contains("удалено 1003");
        assertThat(count("select count(*) from textbook")).isZero();
        assertThat(textbooks.describe("ma4.8")).isEmpty();
    }

    @Test
    void theNewestListWinsForItsCodesAndItsRollbackBringsTheEarlierBack() {
        Path first = list("books-1.xlsx", List.of("ma4.8", "Моро М.И. Математика 4 класс"),
                List.of("ru4.1", "Канакина В.П. Русский язык 4 класс"));
        Path second = list("books-2.xlsx", List.of("Код", "Учебник"), List.of("MA4.8", "Моро М.И. Математика (в 2 ч.) 4 класс"),
                List.of("xx4.1", "Учебник предмета, которого нет в справочнике"));
        imported(importFile(first, "books-1.xlsx"));

        ImportOutcome.Imported later = imported(importFile(second, "books-2.xlsx"));

        assertThat(later.warnings()).containsExactly(
                "учебников, чей предмет не найден в справочнике предметов (сохранены без предмета): 1");
        assertThat(textbooks.describe("ma4.8")).contains("Моро М.И. Математика (в 2 ч.) 4 класс");
        assertThat(textbooks.describe("ru4.1")).contains("Канакина В.П. Русский язык 4 класс");
        assertThat(count("select count(*) from textbook where code = 'xx4.1' and subject_id is null")).isEqualTo(1);

        rollback.rollback(later.batchId(), "test", false);

        assertThat(textbooks.describe("ma4.8")).contains("Моро М.И. Математика 4 класс");
        assertThat(textbooks.describe("xx4.1")).isEmpty();
    }

    @Test
    void aDamagedListIsRejectedWithSheetRowAndColumnAndTheDatabaseStaysAsItWas() {
        imported(importFile(list("books-1.xlsx", List.of("ma4.8", "Моро М.И. Математика 4 класс"),
                List.of("ru4.1", "Канакина В.П. Русский язык 4 класс")), "books-1.xlsx"));
        Path damaged = list("books-bad.xlsx", List.of("ma4.8", "Моро М.И. Математика 4 класс"),
                List.of("ru4.1", "Канакина В.П. Русский язык 4 класс"), List.of("bio5.1", ""),
                List.of("ma4.8", "Дорофеев Г.В. Математика 4 класс"));
        Map<String, String> before = DatabaseState.fingerprint(jdbc);

        ImportOutcome o = importFile(damaged, "books-bad.xlsx");

        assertThat(o).isInstanceOf(ImportOutcome.Rejected.class);
        assertThat(((ImportOutcome.Rejected) o).problems()).extracting(Problem::describe).containsExactly(
                "books-bad.xlsx, лист «Книга», строка 3, столбец «B»: не заполнено описание учебника с кодом «bio5.1»",
                "books-bad.xlsx, лист «Книга», строка 4, столбец «A»: код «ma4.8» уже есть в строке 1 с другим описанием");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
    }

    @SafeVarargs
    private Path list(String name, List<Object>... rows) {
        return XlsxFiles.write(dir.resolve(name), Map.of("Книга", List.of(rows)));
    }
}
