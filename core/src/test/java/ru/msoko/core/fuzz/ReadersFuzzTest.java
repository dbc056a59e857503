package ru.msoko.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.CanonicalSchoolsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.context.SchoolContextXlsx;
import ru.msoko.core.fisoko.FileHints;
import ru.msoko.core.fisoko.FisOkoFormat;
import ru.msoko.core.fisoko.FisOkoReader;
import ru.msoko.core.fisoko.LoginListXlsx;
import ru.msoko.core.fisoko.OfficialMarkersXlsx;
import ru.msoko.core.fisoko.TextbookListXlsx;
import ru.msoko.core.fisoko.WorkReference;
import ru.msoko.core.fisoko.Xlsx;
import ru.msoko.core.gia.MoscowEgeCsv;
import ru.msoko.core.gia.RcoiReader;
import ru.msoko.core.gia.RegionalEgeSummaryXlsx;
import ru.msoko.core.journal.JournalCsv;
import ru.msoko.core.olympiad.ProtocolReader;
import ru.msoko.core.scales.GiaScaleCsv;
import ru.msoko.core.scales.MarkScaleCsv;
import ru.msoko.core.scales.ScaleCorrectionCsv;

/**
 * The pure readers of core under generated input (issue #6), fast and with many tries: a CSV made of one known
 * header (of any text format) and rows of hostile fields, and an xlsx made of a known header row (of any workbook
 * format) and hostile cells, fed to EVERY reader (a file of one format given to the reader of another, too). A
 * reader either reads the file or refuses it with {@link InputException}, whose problems are Russian text naming the
 * file; nothing else escapes. {@code -Dfuzz.tries=N} scales the tries ({@link FuzzTries}).
 */
@AddLifecycleHook(value = FuzzTries.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class ReadersFuzzTest {

    private static final AtomicLong TRIED = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final String NAME = "файл.csv";
    private static final UnaryOperator<String> PSEUDONYM = s -> "P" + Integer.toHexString(s.hashCode());

    /** Knows edu220001 (sch220001, ГИА code 220001), edu220002 and two subjects, in every year. */
    static final Directory DIRECTORY = new Directory() {
        @Override
        public Optional<String> schoolCode(String identifier, int year) {
            String id = identifier.trim().toLowerCase(java.util.Locale.ROOT);
            return switch (id) {
                case "edu220001", "sch220001", "220001" -> Optional.of("edu220001");
                case "edu220002", "sch220002" -> Optional.of("edu220002");
                default -> Optional.empty();
            };
        }

        @Override
        public Optional<String> subjectCode(String nameOrCode) {
            return switch (nameOrCode.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "математика", "ma" -> Optional.of("MA");
                case "русский язык", "ru" -> Optional.of("RU");
                default -> Optional.empty();
            };
        }
    };

    static final List<String> PAYLOADS = List.of("=1+2", "+7999", "-5", "@SUM(A1)", "<script>alert(1)</script>",
            "\u0000", "\u0001\u001b", "\r\n", "\t", "\uFEFF", "\uD800", "", " ", "-1", "0", "1e308", "NaN", "Infinity",
            "99999999999999999999999", "4,5", "١٢", "²", "X", "отсутствовал", "2025", "2024/2025", "31.02.2025", "5А",
            "edu220001", "sch220001", "220001", "Математика", "ВПР", "ОГЭ", "м", "ж", "\"", ";", ",", "|", "1-3", "5.1",
            "10К1", "1 (1б)", "A".repeat(100_000));

    /** The header rows of every text format (data-formats §§1–6). */
    static final List<String> CSV_HEADERS = List.of(
            "procedure;year;subject;grade;school_code;participant;class;gender;variant;1 (1б);2 (2б);mark;journal_mark",
            "procedure;year;date;subject;grade;school_code;participant;primary_score;max_score;status",
            "school_code;name;municipality_code;municipality_name;aliases;type;settlement;pupils",
            "year,grade,subject,max_primary,mark2_from,mark2_to,mark3_from,mark3_to,mark4_from,mark4_to,mark5_from,mark5_to",
            "procedure;year;subject;entry;mark;primary_from;primary_to;test_score;tasks;min_sum",
            "year;grade;subject;mark;from;to;confirmed_by;reason",
            "ID;EDU_NAME;YEAR;PASSED_NUMBER_FULL;PASSES_OVER_220;PASSER_UNDER_160;OGRN;AdmArea",
            "school_code;year;period;class;pupil;subject;mark",
            "school_code;year;period;class;subject;n2;n3;n4;n5");

    /** The header rows of every workbook format (data-formats §§1, 3–5). */
    static final List<List<Object>> XLSX_HEADERS = List.of(
            List.of("Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа", "Дата загрузки", "Код", "Вариант",
                    "1 (1б)", "2 (2б)", "Наименование класса", "Пол", "Итого баллов"),
            List.of("логин школы", "регион", "номер обучающегося", "код обучающегося",
                    "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", "балл за 1",
                    "балл за 2"),
            List.of("groups", "user", "id", "code", "otc", "gender", "klass", "var-1", "var-2", "sum", "a-1-grade"),
            List.of("Код МСУ", "Код ОО", "Класс", "Фамилия", "Имя", "Отчество", "Вариант", "Задания с кратким ответом",
                    "Задания с развёрнутым ответом", "Первичный балл", "Балл"),
            List.of("№ п/п", "ФИО участника", "ОО", "Класс обучения", "Класс участия", "Итого", "Статус"),
            List.of("ФИО", "ОО", "Класс", "Результат"),
            List.of("логин", "имя", "регион"),
            List.of("Логин", "Наименование ОО", "4 РУ", "5 МА"),
            List.of("Пользователь", "20. Укажите количество обучающихся в ОО в 2021/2022 учебном году",
                    "25. Сколько всего в ОО учителей/преподавателей?", "14. Где расположена образовательная организация?"),
            List.of("Муниципалитет", "Образовательная организация", "Код ОО", "Всего выпускников", "из них"),
            List.of("ma4.8", "Моро М.И. Математика 4 класс"));

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void everyTextReaderReadsOrRefusesAnyCsv(@ForAll("csv") String text, @ForAll("charsets") Charset charset)
            throws IOException {
        Path file = Files.createTempFile("msoko-fuzz-", ".csv");
        try {
            Files.write(file, text.getBytes(charset));
            readsOrRefuses(() -> new CanonicalResultsReader(DIRECTORY, PSEUDONYM, 50).read(file, NAME, (row, r) -> { }));
            readsOrRefuses(() -> new CanonicalSchoolsReader().read(file, NAME));
            readsOrRefuses(() -> new MarkScaleCsv(DIRECTORY::subjectCode, List.of()).read(file, NAME, 50));
            readsOrRefuses(() -> new GiaScaleCsv(DIRECTORY::subjectCode).read(file, NAME, 50));
            readsOrRefuses(() -> new ScaleCorrectionCsv(DIRECTORY::subjectCode).read(file, NAME, 50));
            readsOrRefuses(() -> MoscowEgeCsv.read(file, NAME, 50));
            readsOrRefuses(() -> JournalCsv.read(file, NAME, PSEUDONYM, 50));
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void everyWorkbookReaderReadsOrRefusesAnyXlsx(@ForAll("sheets") Map<String, List<List<Object>>> sheets)
            throws IOException {
        Path dir = Files.createTempDirectory("msoko-fuzz-");
        Path file = dir.resolve("книга.xlsx");
        String name = "книга.xlsx";
        try {
            Xlsx book = Xlsx.book();
            sheets.forEach(book::sheet);
            book.write(file);
            readsOrRefuses(() -> FisOkoFormat.detect(file));
            readsOrRefuses(() -> new FisOkoReader(DIRECTORY, PSEUDONYM, WorkReference.NONE)
                    .read(file, name, FileHints.of(file, name), new Problems(50), (row, r) -> { }));
            readsOrRefuses(() -> RcoiReader.recognises(file));
            readsOrRefuses(() -> new RcoiReader(DIRECTORY, PSEUDONYM).read(file, name, new Problems(50), (row, r) -> { }));
            readsOrRefuses(() -> ProtocolReader.recognise(file));
            readsOrRefuses(() -> new ProtocolReader(DIRECTORY, PSEUDONYM).read(file, name, new Problems(50), (row, r) -> { }));
            readsOrRefuses(() -> LoginListXlsx.recognises(file));
            readsOrRefuses(() -> LoginListXlsx.read(file, name));
            readsOrRefuses(() -> OfficialMarkersXlsx.recognises(file));
            readsOrRefuses(() -> OfficialMarkersXlsx.read(file, name, DIRECTORY));
            readsOrRefuses(() -> TextbookListXlsx.recognises(file));
            readsOrRefuses(() -> TextbookListXlsx.read(file, name));
            readsOrRefuses(() -> SchoolContextXlsx.recognises(file));
            readsOrRefuses(() -> SchoolContextXlsx.read(file, name));
            readsOrRefuses(() -> RegionalEgeSummaryXlsx.recognises(file));
            readsOrRefuses(() -> RegionalEgeSummaryXlsx.read(file, name));
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }

    @AfterContainer
    static void summary() {
        System.out.println("\n=== core readers fuzzing: reader calls " + TRIED.get() + ", refused with InputException "
                + REFUSED.get() + ", anything else escaping: 0 (a property fails otherwise)");
    }

    interface Read {
        Object run() throws IOException;
    }

    /** The reader's answer or its refusal; any other exception fails the property (jqwik shrinks the input). */
    private static void readsOrRefuses(Read read) throws IOException {
        TRIED.incrementAndGet();
        try {
            read.run();
        } catch (InputException e) {
            REFUSED.incrementAndGet();
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.message()).matches("(?s).*[А-Яа-яЁё].*");
                assertThat(p.file()).isIn(NAME, "книга.xlsx");
            });
        }
    }

    private static Arbitrary<String> field() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(PAYLOADS)),
                Tuple.of(3, Arbitraries.integers().between(-10, 2100).map(String::valueOf)),
                Tuple.of(2, Arbitraries.strings().withCharRange('А', 'я').ofMaxLength(12)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)));
    }

    @Provide
    Arbitrary<String> csv() {
        Arbitrary<List<String>> row = field().list().ofMaxSize(16);
        return Combinators.combine(Arbitraries.of(CSV_HEADERS), row.list().ofMaxSize(12), Arbitraries.of(";", ",", "\t"),
                Arbitraries.of(true, false)).as((header, rows, sep, quote) -> {
                    StringBuilder sb = new StringBuilder(sep.equals(";") ? header : header.replace(";", sep).replace(",", sep));
                    for (List<String> r : rows) {
                        sb.append('\n').append(String.join(sep, quote ? r.stream().map(f -> "\"" + f.replace("\"", "\"\"")
                                + "\"").toList() : r));
                    }
                    return sb.append('\n').toString();
                });
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, Charset.forName("windows-1251"), StandardCharsets.UTF_16LE);
    }

    @Provide
    Arbitrary<Map<String, List<List<Object>>>> sheets() {
        Arbitrary<Object> cell = Arbitraries.frequencyOf(
                Tuple.of(4, field().map(s -> (Object) s)),
                Tuple.of(3, Arbitraries.integers().between(-5, 100).map(i -> (Object) i)),
                Tuple.of(1, Arbitraries.doubles().between(-1e6, 1e6).map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.just((Object) null)));
        Arbitrary<List<List<Object>>> rows = Combinators.combine(Arbitraries.of(XLSX_HEADERS),
                cell.list().ofMaxSize(14).list().ofMaxSize(10), Arbitraries.integers().between(0, 3))
                .as((header, body, above) -> {
                    List<List<Object>> out = new ArrayList<>();
                    for (int i = 0; i < above; i++) {
                        out.add(List.of("Протокол " + i));
                    }
                    out.add(header);
                    out.addAll(body);
                    return out;
                });
        Arbitrary<String> sheetName = Arbitraries.of("Протокол", "Классы", "Лист1", "Sheet", "Свод", "2021", "ИС", "Книга");
        return Combinators.combine(sheetName, rows, sheetName, rows, Arbitraries.of(true, false)).as((n1, r1, n2, r2, two) -> {
            Map<String, List<List<Object>>> out = new LinkedHashMap<>();
            out.put(n1, r1);
            if (two && !n2.equals(n1)) {
                out.put(n2, r2);
            }
            return out;
        });
    }
}
