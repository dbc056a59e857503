package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.RealData;
import ru.msoko.app.support.XlsxFiles;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/**
 * The valid files the fuzzer starts from, one or more for every format {@link FileFormat} recognises: the small
 * fixtures of the tests, the demo generator's canonical CSVs, and real public files read by path (never copied).
 * Built once per JVM, kept as bytes.
 */
final class FuzzSeeds {

    /** One valid file: its bytes and the name the user would upload it under. */
    record Seed(String fileName, byte[] bytes) {
        boolean xlsx() {
            return bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        }

        @Override
        public String toString() {
            return fileName + " (" + bytes.length + " Б)";
        }
    }

    /** Fixtures.SCHOOLS, one school known only by its ГИА code (RcoiImportH2Test), and the demo region's schools. */
    static final String BASE_SCHOOLS = Fixtures.SCHOOLS
            + "edu220004;МБОУ \"СОШ № 4\";M02;Каменский район;220004;СОШ;село;300\n";

    private static List<Seed> synthetic;
    private static String demoSchools;

    private FuzzSeeds() {
    }

    /** Rows of the demo region's files a seed keeps: enough for every column, small enough to import fast. */
    private static final int DEMO_ROWS = 30;

    static synchronized List<Seed> synthetic() {
        if (synthetic == null) {
            List<Seed> out = new ArrayList<>();
            text(out, "schools.csv", Fixtures.SCHOOLS);
            text(out, "results.csv", Fixtures.RESULTS);
            demo(out);
            text(out, "шкалы.csv", MARK_SCALES);
            text(out, "исправления.csv", CORRECTION);
            text(out, "гиа-шкалы.csv", GIA_SCALES);
            text(out, "журнал.csv", JOURNAL_PUPILS);
            text(out, "отметки.csv", JOURNAL_MARKS);
            text(out, "ege-moscow.csv", MOSCOW);
            out.add(new Seed("форма.xlsx", xlsx(Map.of(), FuzzSeeds::form)));
            out.add(new Seed("Проведение работы по математике, 4 класс. ВПР 2021.xlsx", xlsx(Map.of(), FuzzSeeds::export2021)));
            out.add(new Seed("Математика.xlsx", xlsx(Map.of(), FuzzSeeds::export2020)));
            out.add(new Seed("ОГЭ математика.xlsx", xlsx(Map.of(), FuzzSeeds::rcoi)));
            out.add(new Seed("шэ.xlsx", xlsx(Map.of("Математика", olympiadMerges()), FuzzSeeds::olympiad)));
            out.add(new Seed("ис.xlsx", xlsx(Map.of(), FuzzSeeds::essay)));
            out.add(new Seed("свод.xlsx", xlsx(Map.of("Свод", summaryMerges()), FuzzSeeds::summary)));
            out.add(new Seed("логины.xlsx", xlsx(Map.of(), FuzzSeeds::logins)));
            out.add(new Seed("маркеры.xlsx", xlsx(Map.of(), FuzzSeeds::markers)));
            out.add(new Seed("учебники.xlsx", xlsx(Map.of(), FuzzSeeds::textbooks)));
            out.add(new Seed("контекст.xlsx", xlsx(Map.of(), FuzzSeeds::context)));
            synthetic = List.copyOf(out);
        }
        return synthetic;
    }

    /** The directory every try starts from: {@link #BASE_SCHOOLS} and the demo region's schools.csv. */
    static synchronized String demoSchools() {
        synthetic();
        return demoSchools;
    }

    /**
     * Real public files by path (data-formats §1, §3, §5): fails on CI and skips on a developer's machine when the
     * shared data is absent (RealData). The 2021 regional exports (2–3 MB each) are left out to keep a try short.
     */
    static List<Seed> real() {
        List<Seed> out = new ArrayList<>();
        for (String p : List.of("vpr-scales-2021/vpr-2021-mark-scales.csv",
                "moscow-ege-by-school-2016/data-9722-2016-10-31.csv",
                "vpr-altai-krai-fisoko/vpr_results/2022/5/Математика.xlsx",
                "vpr-altai-krai-fisoko/vpr_results/2022/6/История.xlsx",
                "vpr-altai-krai-fisoko/vpr_results/2022/10/География.xlsx",
                "vpr-altai-krai-fisoko/logins.xlsx",
                "vpr-altai-krai-fisoko/books.xlsx",
                "vpr-dagestan-objectivity-markers/bias.xlsx",
                "vpr-altai-krai-fisoko/vpr_results/2022/Сбор контекстных данных об ОО (2022).xlsx",
                "vpr-altai-krai-fisoko/Описание_работ/5/Математика/ALL.xlsx")) {
            Path file = RealData.require(p);
            try {
                out.add(new Seed(file.getFileName().toString(), Files.readAllBytes(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static void text(List<Seed> out, String name, String content) {
        out.add(new Seed(name, content.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A tiny demo region (6 schools, one spring): its schools.csv with the municipality codes moved to D01, D02 (the
     * fixtures use M01, M02 with other names) and the first rows of one file of every kind of procedure.
     */
    private static void demo(List<Seed> out) {
        try {
            Path dir = Files.createTempDirectory("msoko-fuzz-demo-");
            var manifest = new DemoRegionGenerator(new DemoSettings(7L, 2, 6, 2024, 1, 0)).writeTo(dir);
            demoSchools = Files.readString(manifest.schoolsFile()).replaceAll(";M0(\\d);", ";D0$1;");
            text(out, "demo-schools.csv", demoSchools);
            for (String f : List.of("results-vpr-2024-math-4.csv", "results-vpr-2024-russian-8.csv",
                    "results-oge-2024.csv", "results-ege-2024.csv", "results-vsosh-2024.csv")) {
                List<String> lines = Files.readAllLines(dir.resolve(f));
                text(out, f, String.join("\n", lines.subList(0, Math.min(lines.size(), DEMO_ROWS + 1))) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] xlsx(Map<String, List<int[]>> merges, java.util.function.Consumer<Map<String, List<List<Object>>>> fill) {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        fill.accept(sheets);
        try {
            Path f = Files.createTempFile("msoko-fuzz-seed-", ".xlsx");
            XlsxFiles.write(f, sheets, merges);
            byte[] bytes = Files.readAllBytes(f);
            Files.delete(f);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    // ImportServiceContract: a mark scale and a confirmed correction (data-formats §2.1, §2.2)
    private static final String MARK_SCALES = """
            year,grade,subject,max_primary,mark2_from,mark2_to,mark3_from,mark3_to,mark4_from,mark4_to,mark5_from,mark5_to,source,note
            2025,5,Математика,4,0,0,1,1,2,3,4,4,test,
            2021,8,География,40,0,12,13,26,27,35,36,40,VPR_GG-8_OPISANIE_2021.pdf,как в PDF
            """;
    private static final String CORRECTION = """
            year;grade;subject;mark;from;to;confirmed_by;reason
            2021;8;География;5;36;40;Иванова И. И.;опечатка в описании КИМ
            """;
    // RcoiImportH2Test: ОГЭ marks with a condition and an ЕГЭ test-score table (data-formats §2.3)
    private static final String GIA_SCALES = """
            procedure;year;subject;entry;mark;primary_from;primary_to;test_score;tasks;min_sum
            ОГЭ;2025;Математика;mark;2;0;3;;;
            ОГЭ;2025;Математика;mark;3;4;6;;;
            ОГЭ;2025;Математика;mark;4;7;9;;;
            ОГЭ;2025;Математика;mark;5;10;13;;;
            ОГЭ;2025;Математика;rule;3;;;;6-8;2
            ЕГЭ;2025;Русский язык;test;;0;0;0;;
            ЕГЭ;2025;Русский язык;test;;1;1;10;;
            ЕГЭ;2025;Русский язык;minimum;;;;24;;
            """;
    // ExamAndJournalImportContract (data-formats §6)
    private static final String JOURNAL_PUPILS = """
            school_code;year;period;class;pupil;subject;mark
            edu220001;2024/2025;1 четверть;5А;Иванов Пётр;Математика;5
            edu220001;2024/2025;1 четверть;5А;Петрова Анна;Математика;4
            edu220001;2024/2025;1 четверть;5Б;Козлов Олег;Математика;
            sch220002;2024/2025;1 четверть;5А;Орлова Мария;Математика;3
            """;
    private static final String JOURNAL_MARKS = """
            school_code;year;period;class;subject;n2;n3;n4;n5
            edu220001;2025;год;5А;Математика;1;8;10;6
            edu220003;2025;год;9А;Русский язык;0;2;5;1
            """;
    // data.mos.ru, ЕГЭ by school (data-formats §5.1): the real file's header, schools by ОГРН of the fixtures' aliases
    private static final String MOSCOW = """
            "ID";"EDU_NAME";"YEAR";"PASSED_NUMBER_FULL";"PASSES_OVER_220";"PASSER_UNDER_160";"OGRN";"AdmArea";"District"
            "1";"МБОУ СОШ № 1";"2015-2016";"109";"80";"8";"1027700566761";"Северный административный округ";"район Аэропорт"
            "2";"Гимназия № 2";"2015-2016";"20";"1";"10";"1027700566762";"Северный административный округ";"район Сокол"
            """;

    private static final List<Object> SERVICE = row("Пользователь", "Код региона", "Регион", "Муниципалитет", "Школа",
            "Дата загрузки");

    private static List<Object> service(String login, Object... more) {
        List<Object> out = new ArrayList<>(row(login, 22, "reg220000 | Алтайский край", "reg22_m019 | Северский округ",
                login + " | МБОУ \"Школа\"", "17.03.2022 05:33:20"));
        out.addAll(Arrays.asList(more));
        return out;
    }

    /** MalformedInputContract.form(): the regional ФИС ОКО form of ВПР 2022 maths, grade 4 (data-formats §1.1). */
    private static void form(Map<String, List<List<Object>>> sheets) {
        List<Object> header = new ArrayList<>(SERVICE);
        header.addAll(row("Код", "Вариант", "1 (1б)", "2 (2б)", "3 (1б)", "Наименование класса", "Пол", "Итого баллов"));
        List<Object> classes = new ArrayList<>(SERVICE);
        classes.addAll(row("Буква (цифра) класса. Введите \"нет\" - если отсутствует", "Основной учебник по предмету"));
        sheets.put("Классы", List.of(classes,
                service("edu220001", "А", "ma4.8 | 1.1.3.1.8.4 | Моро М.И. Математика"),
                service("edu220002", "Б", "ma4.8 | 1.1.3.1.8.4 | Моро М.И. Математика")));
        sheets.put("Протокол", List.of(header,
                service("edu220001", 40001, 1, 1, 2, 1, "А", "м", 4),
                service("edu220001", 40002, 2, 0, 1, 0, "А", "ж", 1),
                service("edu220002", 40003, 1, 1, 1, 1, "Б", "м", 3)));
    }

    /** FisOkoReaderTest: the 2021 export layout (data-formats §1.2). */
    private static void export2021(Map<String, List<List<Object>>> sheets) {
        String town = "город Барнаул";
        sheets.put("Sheet", List.of(row("логин школы", "регион", "номер обучающегося", "код обучающегося",
                        "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов", "балл за 1",
                        "балл за 2", "балл за 3", "Учебник"),
                row("sch220001", town, 1, 40001, 5, "ж", "А", 1, 4, 1, 2, 1, "Моро"),
                row("sch220001", town, 2, 40002, 4, "м", "Б", 2, 3, 0, 1, 2),
                row("sch220001", town, 3, 40003, null, null, null, "отсутствовал"),
                row("sch220003", "город Бийск", 1, 40004, 4, "м", "4", 1, 0, 0, 0, 0)));
    }

    /** FisOkoReaderTest: the 2020 export layout (data-formats §1.3). */
    private static void export2020(Map<String, List<List<Object>>> sheets) {
        List<Object> header = new ArrayList<>(row("groups", "user", "id", "code", "otc", "gender", "klass", "var-1",
                "var-2", "sum"));
        for (int i = 1; i <= 5; i++) {
            header.add("a-" + i + "-grade");
        }
        String groups = "22-RU-ALT,EAST,VPR_22";
        sheets.put("Sheet1", List.of(header,
                row(groups, "sch220001", 1, 50001, 4, "м", "а", 1, null, 3, 1, 1, 1),
                row(groups, "sch220001", 2, 50002, 3, "ж", "б", null, 2, 2, 0, 2, "X"),
                row(groups, "sch220001", 3, 50003, null, null, null, "отсутствовал")));
    }

    /** RcoiImportH2Test: an ОГЭ sheet of the РЦОИ (data-formats §3.1). */
    private static void rcoi(Map<String, List<List<Object>>> sheets) {
        sheets.put("Лист1", List.of(row("02 ОГЭ Математика 03.06.2025"),
                row(null, "Код МСУ", "Код ОО", "Класс", "Код ППЭ", "Аудитория", "Фамилия", "Имя", "Отчество", "Документ",
                        "Вариант", "Задания с кратким ответом", "Задания с развёрнутым ответом", "Первичный балл", "Балл"),
                row(null, "01", "220001", "9А", 101, 5, "Тестов", "Тест", "Тестович", "4510 123456", "301", "++-+2",
                        "2(2)1(2)0(3)", 8, 4),
                row(null, "02", "220004", "9А", 102, 7, "Образцов", "Образец", "", "4510 111111", "301", "-----",
                        "0(2)0(2)0(3)", 0, 2)));
    }

    /** ProtocolImportH2Test: a school-stage ВсОШ protocol with a two-row merged header (data-formats §4). */
    private static void olympiad(Map<String, List<List<Object>>> sheets) {
        sheets.put("Математика", List.of(
                row("Протокол школьного этапа всероссийской олимпиады школьников по математике"),
                row("2025/2026 учебный год"),
                row("Дата проведения: 02.10.2025"),
                row("Максимальный балл: 35"),
                row("№ п/п", "ФИО участника", "ОО", "Класс обучения", "Класс участия", "Баллы за задания", null, null,
                        "Итого", "Статус"),
                row(null, null, null, null, null, 1, 2, 3),
                row(1, "Тестов Тест Тестович", "МБОУ «СОШ № 1»", 6, 7, 10, 10, 10, 30, "Победитель"),
                row(2, "Примеров Пётр Петрович", "Гимназия № 2", "7Б", 7, 10, 8, 2, 20, "Призер"),
                row(3, "Неявкин Иван Иванович", "edu220003", 7, 7, "-", "-", "-", "не явился")));
    }

    private static List<int[]> olympiadMerges() {
        List<int[]> merges = new ArrayList<>();
        for (int c : new int[] {0, 1, 2, 3, 4, 8, 9}) {
            merges.add(new int[] {4, c, 5, c});
        }
        merges.add(new int[] {4, 5, 4, 7});
        return merges;
    }

    /** ProtocolImportH2Test: итоговое сочинение, зачёт/незачёт (data-formats §4.3). */
    private static void essay(Map<String, List<List<Object>>> sheets) {
        sheets.put("ИС", List.of(row("Результаты итогового сочинения (изложения)"),
                row("Дата проведения: 03.12.2025"),
                row("№", "ФИО обучающегося", "ОО", "Класс", "Результат"),
                row(1, "Сочинёв Семён Семёнович", "edu220001", "11А", "зачёт"),
                row(2, "Незачётов Нил Нилович", "edu220002", "11Б", "незачёт"),
                row(3, "Болеев Борис Борисович", "edu220002", "11Б", "не явился")));
    }

    /** ExamAndJournalImportContract: the regional ЕГЭ summary with its three-level header (data-formats §5.2). */
    private static void summary(Map<String, List<List<Object>>> sheets) {
        sheets.put("Свод", List.of(row("Сводка ЕГЭ 2024 года"),
                row("Муниципалитет", "Образовательная организация", "Код ОО", "Всего выпускников", "из них"),
                row(null, null, null, null, "Русский язык", null, "Математика (профильная)"),
                row(null, null, null, null, "приняли участие", "средний балл", "приняли участие", "средний балл"),
                row("Северский округ", "МБОУ \"СОШ № 1\"", "edu220001", 50, 48, 71.5, 20, 64),
                row(null, "МАОУ \"Гимназия № 2\"", "sch220002", 60, 60, 78, 35, 70.25),
                row("Всего", null, null, 110, 108, 75.2, 55, 68.0)));
    }

    private static List<int[]> summaryMerges() {
        List<int[]> merges = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            merges.add(new int[] {1, c, 3, c});
        }
        merges.add(new int[] {1, 4, 1, 7});
        merges.add(new int[] {2, 4, 2, 5});
        merges.add(new int[] {2, 6, 2, 7});
        return merges;
    }

    /** A ФИС ОКО login list (data-formats §1.5): «логин», «имя», «регион». */
    private static void logins(Map<String, List<List<Object>>> sheets) {
        sheets.put("Лист1", List.of(row("логин", "имя", "регион"),
                row("sch220001", "МБОУ \"СОШ № 1\"", "Северский округ"),
                row("sch220005", "МБОУ \"СОШ № 5\"", "Северский округ")));
    }

    /** The ФИС ОКО list of schools with markers of non-objectivity (data-formats §1.6). */
    private static void markers(Map<String, List<List<Object>>> sheets) {
        sheets.put("2021", List.of(row("Логин", "Наименование ОО", "4 РУ", "5 МА", "6 РУ"),
                row("sch220001", "МБОУ \"СОШ № 1\"", 1, null, 1),
                row("sch220002", "МАОУ \"Гимназия № 2\"", null, 1, null)));
    }

    /** A ФИС ОКО textbook list (data-formats §1.7): code in A, description in B. */
    private static void textbooks(Map<String, List<List<Object>>> sheets) {
        sheets.put("Книга", List.of(row("ma4.8", "Моро М.И. и др. Математика 4 класс"),
                row("ru5.1", "Ладыженская Т.А. и др. Русский язык 5 класс"),
                row("bio11.1", "Пасечник В.В. Биология 11 класс")));
    }

    /** The ФИС ОКО form «Сбор контекстных данных об ОО» of 2022 (data-formats §1.8), SchoolContextContract. */
    private static void context(Map<String, List<List<Object>>> sheets) {
        String pupils = "20. Укажите количество обучающихся в ОО в 2021/2022 учебном году (в сумме по всем классам/курсам)";
        String teachers = "25. Сколько всего в ОО учителей/преподавателей?";
        String where = "14. Где расположена образовательная организация?";
        sheets.put("Лист1", List.of(row("Пользователь", pupils, teachers, where),
                row("sch220001", 800, 61, "1) Город с населением более 1 млн человек"),
                row("sch220003", 60, 9,
                        "4) Населенный пункт сельского типа (поселок, село, деревня, станица, хутор и пр.)")));
    }
}
