package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.StoredResults;
import ru.msoko.app.support.XlsxFiles;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.TextDecoding;

/**
 * The corpus of damaged files (issue #4): each is made here from a small valid file — the ФИС ОКО form below or
 * {@link Fixtures#RESULTS} — by one damage, and must be answered with a Russian message naming the file (and the
 * sheet, row and column where there are such) while the database stays as it was, except for the one logged
 * rejected attempt with its problems. Runs on H2 and on PostgreSQL by the subclasses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class MalformedInputContract {

    static final String FORM = "форма.xlsx";
    private static final String PROTOCOL_PART = "xl/worksheets/sheet2.xml";
    private static final String SECRET = "СЕКРЕТ-СЕРВЕРА-42";
    private static final String PROTOCOL = FORM + ", лист «Протокол»";
    private static final List<Object> SERVICE = List.of("Пользователь", "Код региона", "Регион", "Муниципалитет",
            "Школа", "Дата загрузки");
    private static final List<Object> PROTOCOL_HEADER = concat(SERVICE, "Код", "Вариант", "1 (1б)", "2 (2б)", "3 (1б)",
            "Наименование класса", "Пол", "Итого баллов");

    @Autowired
    ImportService service;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    /** One damaged file: how to make it and the problems it must be answered with, each as {@link Problem#describe()}. */
    record Case(String name, Function<MalformedInputContract, Path> file, List<String> problems) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Object> concat(List<Object> a, Object... b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(Arrays.asList(b));
        return out;
    }

    private static List<Object> service(String login) {
        return concat(List.of(login, 22, "reg220000 | Алтайский край", "reg22_m019 | Северский округ",
                login + " | МБОУ \"Школа\"", "17.03.2022 05:33:20"));
    }

    /**
     * The regional ФИС ОКО form of ВПР 2022 maths, grade 4 (data-formats §1.1: sheets «Классы» and «Протокол» with the
     * six service columns; the year comes from «Дата загрузки», subject and grade from the textbook «ma4.8»).
     * Three participants of two fixture schools; {@code protocol} may damage the rows of «Протокол».
     */
    Path form(String protocolSheet, Function<List<List<Object>>, List<List<Object>>> protocol) {
        List<List<Object>> rows = new ArrayList<>(List.of(PROTOCOL_HEADER,
                concat(service("edu220001"), 40001, 1, 1, 2, 1, "А", "м", 4),
                concat(service("edu220001"), 40002, 2, 0, 1, 0, "А", "ж", 1),
                concat(service("edu220002"), 40003, 1, 1, 1, 1, "Б", "м", 3)));
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Классы", List.of(concat(SERVICE, "Буква (цифра) класса. Введите \"нет\" - если отсутствует",
                        "Основной учебник по предмету"),
                concat(service("edu220001"), "А", "ma4.8 | 1.1.3.1.8.4 | Моро М.И. Математика"),
                concat(service("edu220002"), "Б", "ma4.8 | 1.1.3.1.8.4 | Моро М.И. Математика")));
        sheets.put(protocolSheet, protocol.apply(rows));
        return XlsxFiles.write(dir.resolve(FORM), sheets);
    }

    Path form() {
        return form("Протокол", rows -> rows);
    }

    /** The form with one cell of «Протокол» replaced: {@code row} 0 is the header, {@code column} counts from 0. */
    Path formWithCell(int row, int column, Object value) {
        return form("Протокол", rows -> {
            List<Object> changed = new ArrayList<>(rows.get(row));
            changed.set(column, value);
            rows.set(row, changed);
            return rows;
        });
    }

    Path text(String name, String content, Charset charset) {
        return Fixtures.write(dir, name, content, charset);
    }

    Path bytes(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path secretFile() {
        return Fixtures.write(dir, "secret.txt", SECRET);
    }

    static Stream<Case> corpus() {
        Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        return Stream.of(
                new Case("обрезанный xlsx", t -> {
                    byte[] whole = readAll(t.form());
                    return t.bytes(FORM, Arrays.copyOf(whole, whole.length * 2 / 3));
                }, List.of(FORM + ": файл повреждён или обрезан: это не архив книги Excel (xlsx), который можно "
                        + "распаковать (zip END header not found). Сохраните книгу в Excel заново и загрузите ещё раз")),
                // detection is by sheets, never by name (FileFormat): without «Протокол» the book is not a form
                new Case("лист «Протокол» переименован", t -> t.form("Результаты", rows -> rows),
                        List.of(FORM + ": формат файла не распознан. Листы книги: «Классы», «Результаты». "
                                + "Известные форматы: …")),
                // one empty cell after «Код» in every participant row moves each value one column right; by hand:
                // row 2 → «3 (1б)» gets 2, «Итого баллов» gets «м»; row 3 → «1 (1б)» gets 2, «Итого» gets «ж»;
                // row 4 → scores 1, 1, 1 fit, «Итого» gets «м»; «Пол» gets the class letter, which is not checked
                new Case("сдвинутые столбцы", t -> t.form("Протокол", rows -> rows.stream()
                        .map(r -> r == PROTOCOL_HEADER ? r : shifted(r)).toList()), List.of(
                        PROTOCOL + ", строка 2, столбец «3 (1б)»: балл 2 больше максимума за задание «3» (1)",
                        PROTOCOL + ", строка 2, столбец «Итого баллов»: «м» — не число",
                        PROTOCOL + ", строка 3, столбец «1 (1б)»: балл 2 больше максимума за задание «1» (1)",
                        PROTOCOL + ", строка 3, столбец «Итого баллов»: «ж» — не число",
                        PROTOCOL + ", строка 4, столбец «Итого баллов»: «м» — не число")),
                new Case("текст в ячейке балла", t -> t.formWithCell(2, 9, "abc"), List.of(PROTOCOL
                        + ", строка 3, столбец «2 (2б)»: «abc» — не балл (ожидается целое число или X)")),
                new Case("неизвестная школа", t -> t.formWithCell(3, 0, "edu220009"), List.of(PROTOCOL
                        + ", строка 4, столбец «Пользователь»: школа с кодом «edu220009» не найдена в справочнике школ "
                        + "(на 2022 год); похожие коды: edu220001, edu220002, edu220003")),
                new Case("повтор участника", t -> t.form("Протокол", rows -> {
                    rows.add(rows.get(1));
                    return rows;
                }), List.of(PROTOCOL + ", строка 5, столбец «Код»: участник с этим кодом уже есть в этой школе "
                        + "(строка 2): повтор результата")),
                new Case("CSV только с заголовком", t -> t.text("results.csv",
                        Fixtures.RESULTS.lines().findFirst().orElseThrow() + "\n", utf8),
                        List.of("results.csv: в файле нет ни одной строки с данными")),
                new Case("пустой файл (0 байт)", t -> t.bytes("results.csv", new byte[0]),
                        List.of("results.csv: файл пуст (0 байт)")),
                // 1100 MB of spaces packed into about 1 MB; refused by the declared sizes, nothing is inflated
                new Case("zip-бомба", t -> ZipBomb.write(t.form(), PROTOCOL_PART, 1100, t.dir.resolve("бомба.xlsx")),
                        List.of("бомба.xlsx: книга распаковывается больше чем в 1 ГБ (объявлено 1,1 ГБ и больше): файл "
                                + "отклонён как возможная «zip-бомба». Если это настоящая выгрузка, разделите её на "
                                + "части или увеличьте предел настройкой msoko.import.xlsx-max-unpacked")),
                new Case("XXE в листе", t -> XlsxFiles.editPart(t.form(), PROTOCOL_PART, xml -> xml.replaceFirst(
                        "\\?>", "?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + t.secretFile().toUri() + "\">]>")
                        .replace("40002", "&xxe;"), t.dir.resolve("xxe.xlsx")), List.of("xxe.xlsx: часть книги "
                        + "«xl/worksheets/sheet2.xml» содержит объявление DOCTYPE: Excel его не записывает, а через "
                        + "внешние сущности XML (XXE) файл мог бы прочитать другие файлы сервера; книга отклонена")),
                // an unclosed tag in the third row of «Протокол»: the form is recognised, reading stops at row 3
                new Case("испорченный XML листа", t -> XlsxFiles.editPart(t.form(), PROTOCOL_PART,
                        xml -> xml.replace("</row><row r=\"3\">", "</row><row r=\"3\"><c"), t.dir.resolve("xml.xlsx")),
                        List.of("xml.xlsx, лист «Протокол»: лист не читается после строки 2: книга Excel повреждена "
                                + "(Unexpected character '<' …")));
    }

    private static List<Object> shifted(List<Object> row) {
        List<Object> out = new ArrayList<>(row);
        out.add(SERVICE.size() + 1, null);
        return out;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void schoolsAndResults() {
        DatabaseState.clear(jdbc);
        for (String[] f : new String[][] {{"schools.csv", Fixtures.SCHOOLS}, {"results.csv", Fixtures.RESULTS}}) {
            ImportOutcome o = service.importFile(Fixtures.write(dir, f[0], f[1]), f[0], "test", ImportOptions.STRICT);
            assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
            try {
                Files.delete(dir.resolve(f[0]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Rows of every table of the application's schema, found in information_schema (so a new table is not missed), and
     * under «result» the results the blocks of {@code result_block} hold (what the table {@code result} counted before V28).
     */
    Map<String, Long> rowCounts() {
        List<String> tables = jdbc.sql("""
                select lower(table_name) from information_schema.tables
                where lower(table_schema) = 'public' and table_type = 'BASE TABLE' order by 1""")
                .query(String.class).list();
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : tables) {
            out.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        out.put("result", StoredResults.count(jdbc));
        return out;
    }

    @Test
    void theUndamagedFormIsStored() {
        ImportOutcome o = service.importFile(form(), FORM, "test", ImportOptions.STRICT);

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) o).accepted()).isEqualTo(3);
        assertThat(((ImportOutcome.Imported) o).format())
                .isEqualTo("ФИС ОКО: форма сбора результатов ВПР (Классы, Протокол)");
    }

    /**
     * Excel «CSV (разделители — точки с запятой)» on Russian Windows writes Windows-1251: it is accepted and read as
     * Cyrillic (TextDecoding: not valid UTF-8 → cp1251). The results of {@link Fixtures#RESULTS} as grade 6, a
     * procedure not loaded yet: 6 rows, the subject «Математика» found and the classes stored as «6А», «6Б».
     */
    @Test
    void aWindows1251CsvIsAcceptedWithItsCyrillic() {
        Map<String, Long> before = rowCounts();
        String grade6 = Fixtures.RESULTS.replace(";Математика;5;", ";Математика;6;");
        Path file = text("результаты-1251.csv", grade6, TextDecoding.WINDOWS_1251);

        ImportOutcome o = service.importFile(file, "результаты-1251.csv", "test", ImportOptions.STRICT);

        assertThat(o).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(((ImportOutcome.Imported) o).accepted()).isEqualTo(6);
        assertThat(StoredResults.where(jdbc, r -> r.grade() == 6).stream().map(StoredResults.Row::classLabel).distinct()
                .sorted()).containsExactly("6А", "6Б");
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("import_batch", 1L, Long::sum);
        expected.merge("assessment", 1L, Long::sum);
        expected.merge("result", 6L, Long::sum);
        // in one block per import × procedure × school: edu220001 and edu220002 (its old login sch220002 included)
        expected.merge("result_block", 2L, Long::sum);
        // its aggregates: one row per school (edu220001 and edu220002 in the fixture)
        expected.merge("result_summary", 2L, Long::sum);
        // the import's audit event
        expected.merge("audit_event", 1L, Long::sum);
        assertThat(rowCounts()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aDamagedFileIsRejectedWithAMessageNamingWhereAndTheDatabaseStaysAsItWas(Case c) {
        Path file = c.file().apply(this);
        String name = file.getFileName().toString();
        Map<String, Long> before = rowCounts();
        assertThat(before).containsKeys("result", "import_batch", "import_rejection", "import_rejection_problem");
        assertThat(before.get("result")).as("Fixtures.RESULTS is stored").isEqualTo(6);
        Map<String, String> fingerprint = DatabaseState.fingerprint(jdbc);

        ImportOutcome outcome = service.importFile(file, name, "test", ImportOptions.STRICT);

        assertThat(outcome).isInstanceOf(ImportOutcome.Rejected.class);
        ImportOutcome.Rejected rejected = (ImportOutcome.Rejected) outcome;
        List<String> described = rejected.problems().stream().map(Problem::describe).toList();
        assertThat(described).hasSameSizeAs(c.problems());
        for (int i = 0; i < described.size(); i++) {
            String expected = c.problems().get(i);
            // a message ending in «…» is compared up to it: the list of known formats or the XML parser's words
            assertThat(described.get(i)).as(c.name()).satisfies(d -> assertThat(expected.endsWith("…")
                    ? d.startsWith(expected.substring(0, expected.length() - 1)) : d.equals(expected))
                    .as("%s%nexpected: %s", d, expected).isTrue());
        }
        assertThat(rejected.problems()).allSatisfy(p -> assertThat(p.describe()).doesNotContain(SECRET));
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(fingerprint);
        Map<String, Long> after = rowCounts();
        Map<String, Long> expected = new LinkedHashMap<>(before);
        // ImportLog.reject: one row per rejected attempt and one per kept problem — the only intended change
        expected.merge("import_rejection", 1L, Long::sum);
        expected.merge("import_rejection_problem", (long) rejected.problems().size(), Long::sum);
        // and the rejection's audit event (AuditLog: the log keeps refused attempts too)
        expected.merge("audit_event", 1L, Long::sum);
        assertThat(after).isEqualTo(expected);
        assertThat(jdbc.sql("select file_name || '|' || problems_total from import_rejection order by id desc limit 1")
                .query(String.class).single()).isEqualTo(name + "|" + c.problems().size());
        assertThat(jdbc.sql("select message from import_rejection_problem").query(String.class).list())
                .noneMatch(m -> m.contains(SECRET));
    }
}
