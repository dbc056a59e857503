package ru.msoko.core.fisoko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.Gender;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;

class FisOkoReaderTest {

    private static final List<Object> SERVICE = List.of("Пользователь", "Код региона", "Регион", "Муниципалитет",
            "Школа", "Дата загрузки");
    private static final String DATE = "17.03.2022 05:33:20";
    private static final String JOURNAL_2022 = "Отметка за предыдущий триместр/ четверть/полугодие";
    private static final List<Object> HEADER_2021 = List.of("логин школы", "регион", "номер обучающегося",
            "код обучающегося", "отметка за предыдущую четверть/триместр", "пол", "класс", "вариант", "всего баллов",
            "балл за 1", "балл за 2", "балл за 3", "Учебник");
    private static final TaskLayout CODIFIER = new TaskLayout(List.of(new TaskLayout.Task("1", 1),
            new TaskLayout.Task("5.1", 2), new TaskLayout.Task("10К1", 2)));

    @TempDir
    Path dir;

    private final List<Result> results = new ArrayList<>();
    private final List<Long> rows = new ArrayList<>();
    private TaskLayout started;

    private FisOkoReader.Summary read(Path file, WorkReference reference) throws IOException {
        var reader = new FisOkoReader(new TestDirectory(Set.of("edu229999")), s -> "k:" + s, reference);
        return reader.read(file, file.getFileName().toString(), FileHints.of(file, file.getFileName().toString()),
                new Problems(100), new CanonicalResultsReader.Sink() {
                    @Override
                    public void start(TaskLayout layout) {
                        started = layout;
                    }

                    @Override
                    public void accept(long row, Result result) {
                        rows.add(row);
                        results.add(result);
                    }
                });
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static List<Object> concat(List<Object> a, Object... b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(Arrays.asList(b));
        return out;
    }

    private static List<Object> service(String login, String municipality) {
        return row(login, 22, "reg220000 | Алтайский край", municipality, login + " | МКОУ \"Школа " + login + "\"", DATE);
    }

    private static List<String> described(FisOkoReader.Summary s) {
        return s.problems().list().stream().map(Problem::describe).toList();
    }

    /** The 2022 regional summary: 6 service columns, every dirty value of data-formats §1.7. */
    @Test
    void readsTheRegionalFormWithEveryQuirk() throws IOException {
        String m19 = "reg22_m019 | Красногорский муниципальный район";
        String m65 = "reg22_m065 | город Новоалтайск";
        Path file = Xlsx.book()
                .sheet("Классы", List.of(
                        concat(SERVICE, "Буква (цифра) класса. Введите \"нет\" - если отсутствует",
                                "Основной учебник по предмету", "Другое (автор учебника)", "Другое (название учебника)"),
                        concat(service("edu220001", m19), "А", "ma4.8 | 1.1.3.1.8.4 | Моро М.И. Математика"),
                        concat(service("sch220002", m65), 4, "ma4.8 | 1.1.3.1.8.4 | Моро М.И. Математика")))
                .sheet("Протокол", List.of(
                        concat(SERVICE, "Код", "Вариант", "1 (1б)", "2 (2б)", "5(1) (1б)", "10К2 (2б)",
                                "Наименование класса", "Пол", JOURNAL_2022, "Итого баллов"),
                        concat(service("edu220001", m19), 40001, 1, 1, "2", "X", 2, "4А", "м", 5, 5),
                        concat(service("edu220001", m19), 40002, "2", "x", "Х", "х", "не пройд.", "\"а\"", "Ж", "нет отметки", 0),
                        concat(service("edu220001", m19), 40003, "отсутствовал", null, null, null, null, null, null, null, 0),
                        concat(service("sch220002", m65), 40001, 1, 1, 2, 1, 2, "нет", "М", "ж", 6),
                        concat(service("sch220002", m65), 40002, 2, 1, 2, 1, 2, "4 \"нет\"", "м", 4, 9),
                        concat(service("sch220002", m65), 40003, 1, 3, 2, 1, 2, "Б", "м", 4, 8),
                        concat(service("sch220002", m65), 40001, 1, 0, 0, 0, 0, "Б", "м", 4, 0),
                        concat(service("edu229999", m65), 40001, 1, 0, 0, 0, 0, "Б", "м", 4, 0),
                        concat(service("edu220001", m19), 40004, 2, 1, "H", 1, 0, "A", "M", 4, 2)))
                .write(dir.resolve("Математика.xlsx"));

        var summary = read(file, WorkReference.NONE);

        assertThat(summary.format()).isEqualTo(FisOkoFormat.FORM);
        assertThat(summary.procedure()).isEqualTo(new Procedure.Key(ProcedureKind.VPR, 2022, "MA", 4));
        assertThat(started.format()).isEqualTo("1=1;2=2;5(1)=1;10К2=2");
        assertThat(described(summary)).containsExactly(
                "Математика.xlsx, лист «Протокол», строка 6, столбец «Итого баллов»: первичный балл 9 больше максимального балла работы (6)",
                "Математика.xlsx, лист «Протокол», строка 7, столбец «1 (1б)»: балл 3 больше максимума за задание «1» (1)",
                "Математика.xlsx, лист «Протокол», строка 7, столбец «Итого баллов»: первичный балл 8 больше максимального балла работы (6)",
                "Математика.xlsx, лист «Протокол», строка 8, столбец «Код»: участник с этим кодом уже есть в этой школе (строка 5): повтор результата",
                "Математика.xlsx, лист «Протокол», строка 9, столбец «Пользователь»: школа с кодом «edu229999» не найдена в справочнике школ (на 2022 год); похожие коды: edu220001");
        assertThat(rows).containsExactly(2L, 3L, 4L, 5L, 10L);
        assertThat(summary.accepted()).isEqualTo(5);
        assertThat(summary.absent()).isEqualTo(1);

        Result first = results.get(0);
        assertThat(first.participant()).isEqualTo("k:edu220001|2022|40001");
        assertThat(first.tasks().pack()).isEqualTo("12-2");
        assertThat(first.primaryScore()).isEqualTo(5.0);
        assertThat(first.maxScore()).isEqualTo(6.0);
        assertThat(first.mark()).isNull();
        Result notAttempted = results.get(1);
        assertThat(notAttempted.tasks().pack()).isEqualTo("----");
        assertThat(notAttempted.classLabel()).isEqualTo("4А");
        assertThat(notAttempted.gender()).isEqualTo(Gender.FEMALE);
        assertThat(notAttempted.journalMark()).isNull();
        assertThat(results.get(2).absent()).isTrue();
        assertThat(results.get(2).tasks()).isNull();
        Result oldLogin = results.get(3);
        assertThat(oldLogin.schoolCode()).isEqualTo("edu220002");
        assertThat(oldLogin.participant()).isEqualTo("k:edu220002|2022|40001");
        assertThat(oldLogin.classLabel()).isNull();
        assertThat(oldLogin.journalMark()).isNull();
        Result latin = results.get(4);
        assertThat(latin.tasks().pack()).isEqualTo("1-10");
        assertThat(latin.classLabel()).isEqualTo("4А").isNotEqualTo("4A");
        assertThat(latin.gender()).isEqualTo(Gender.MALE);

        assertThat(summary.warnings()).containsExactly(
                "лист «Протокол», столбец «" + JOURNAL_2022 + "»: не отметка, отметка по журналу не учтена — 1 (значения «ж»; строка 5)");
        assertThat(summary.schools().get("edu220001")).isEqualTo(new FisOkoReader.SchoolOrigin("edu220001",
                "МКОУ \"Школа edu220001\"", "reg22_m019", "Красногорский муниципальный район"));
    }

    @Test
    void theFormAsTheSchoolFillsItTakesTheSchoolAndYearFromTheFileName() throws IOException {
        Path file = Xlsx.book()
                .sheet("Классы", List.of(row("Буква (цифра) класса. Введите \"нет\" - если отсутствует",
                        "Основной учебник по предмету"), row("А", "ma4.8 | 1.1.3.1.8.4 | Моро")))
                .sheet("Протокол", List.of(
                        row("Код", "Вариант", "1 (1б)", "2 (2б)", "Наименование класса", "Пол", JOURNAL_2022, "Итого баллов"),
                        row(40001, 1, 1, 2, "А", "м", 5, 3)))
                .write(dir.resolve("edu220001 ВПР 2022 4 класс.xlsx"));

        var summary = read(file, WorkReference.NONE);

        assertThat(summary.problems().list()).isEmpty();
        assertThat(summary.procedure()).isEqualTo(new Procedure.Key(ProcedureKind.VPR, 2022, "MA", 4));
        assertThat(results.get(0).schoolCode()).isEqualTo("edu220001");
        assertThat(results.get(0).participant()).isEqualTo("k:edu220001|2022|40001");
        assertThat(results.get(0).classLabel()).isEqualTo("4А");
    }

    @Test
    void aSchoolFormWithoutALoginIsAProblemOfEveryRow() throws IOException {
        Path file = Xlsx.book()
                .sheet("Протокол", List.of(row("Код", "Вариант", "1 (1б)", "Итого баллов"), row(40001, 1, 1, 1)))
                .write(dir.resolve("ВПР 2022 Математика 4 класс.xlsx"));

        var summary = read(file, WorkReference.NONE);

        assertThat(described(summary)).containsExactly("ВПР 2022 Математика 4 класс.xlsx, лист «Протокол», строка 2: "
                + "не указана школа: в форме без служебных столбцов логин школы берётся из имени файла "
                + "(например, «Форма edu220001 математика 4 класс.xlsx»)");
    }

    /** Grade 10 geography is taught from geo11.* textbooks: the class labels decide the grade. */
    @Test
    void classLabelsDecideTheGradeOverTheTextbookCode() throws IOException {
        Path file = Xlsx.book()
                .sheet("Классы", List.of(concat(SERVICE, "Буква (цифра) класса. Введите \"нет\" - если отсутствует",
                                "Основной учебник по предмету"),
                        concat(service("edu220001", "reg22_m019 | Район"), "10 А", "geo11.11 | | Максаковский"),
                        concat(service("edu220002", "reg22_m019 | Район"), 10, "geo11.2 | | Гладкий")))
                .sheet("Протокол", List.of(concat(SERVICE, "Код", "Вариант", "1 (1б)", "Итого баллов"),
                        concat(service("edu220001", "reg22_m019 | Район"), 1001, 1, 1, 1)))
                .write(dir.resolve("выгрузка.xlsx"));

        assertThat(read(file, WorkReference.NONE).procedure())
                .isEqualTo(new Procedure.Key(ProcedureKind.VPR, 2022, "GE", 10));
    }

    private Path export2021() {
        String town = "город Барнаул";
        return Xlsx.book().sheet("Sheet", List.of(HEADER_2021,
                        row("sch220001", town, 1, 40001, 5, "ж", "А", 1, 4, 1, 2, 1, "Моро"),
                        row("sch220001", town, 2, 40002, "нет отметки", "М", "\"б\"", 2, 3, 0, "не пройд.", 2),
                        row("sch220001", town, 3, 40003, null, null, null, "отсутствовал"),
                        row("sch220001", town, 4, 40004, 4, "м", "нет", 0, null, 0, 2, 0),
                        row("sch220001", town, 5, 40005, 4, "д", "В", 1, 7, 1, 2, 2),
                        row("sch220001", town, 6, 40006, 4, "м", "А", 2, 2, "два", 0, 0),
                        row("sch220001", town, 7, 40001, 4, "м", "А", 2, 0, 0, 0, 0),
                        row("sch220003", "город Бийск", 1, 40001, "1", "м", "4", 1, 0, 0, 0, 0)))
                .write(dir.resolve("Проведение работы по математике, 4 класс. ВПР 2021.xlsx"));
    }

    @Test
    void readsThe2021ExportWithTheCodifiersTaskLabels() throws IOException {
        var summary = read(export2021(), new WorkReference(k -> Optional.of(CODIFIER), k -> OptionalInt.of(20)));

        String file = "Проведение работы по математике, 4 класс. ВПР 2021.xlsx, лист «Sheet», ";
        assertThat(summary.format()).isEqualTo(FisOkoFormat.EXPORT_2021);
        assertThat(summary.procedure()).isEqualTo(new Procedure.Key(ProcedureKind.VPR, 2021, "MA", 4));
        assertThat(started).isEqualTo(CODIFIER);
        assertThat(described(summary)).containsExactly(
                file + "строка 6, столбец «всего баллов»: первичный балл 7 больше максимального балла работы (5)",
                file + "строка 7, столбец «балл за 1»: «два» — не балл (ожидается целое число или X)",
                file + "строка 8, столбец «код обучающегося»: участник с этим кодом уже есть в этой школе (строка 2): повтор результата");
        assertThat(summary.rows()).isEqualTo(8);
        assertThat(summary.accepted()).isEqualTo(5);
        assertThat(summary.absent()).isEqualTo(2);
        assertThat(results.get(0).tasks().pack()).isEqualTo("121");
        assertThat(results.get(0).variant()).isEqualTo("1");
        Result second = results.get(1);
        assertThat(second.tasks().pack()).isEqualTo("0-2");
        assertThat(second.primaryScore()).isEqualTo(3.0);
        assertThat(second.classLabel()).isEqualTo("4Б");
        assertThat(second.gender()).isEqualTo(Gender.MALE);
        Result zeroVariant = results.get(3);
        assertThat(zeroVariant.absent()).isTrue();
        assertThat(zeroVariant.tasks()).isNull();
        assertThat(results.get(4).classLabel()).isEqualTo("4");
        assertThat(summary.warnings()).containsExactly(
                "лист «Sheet», столбец «всего баллов»: итог не равен сумме баллов за задания, взят итог из файла — 1 (значения «3 ≠ 2»; строка 3)",
                "лист «Sheet», столбец «вариант»: вариант «0» без первичного балла: участник учтён как не писавший работу — 1 (значения «0»; строка 5)",
                "лист «Sheet», столбец «пол»: не пол, значение не учтено — 1 (значения «д»; строка 6)",
                "лист «Sheet», столбец «отметка за предыдущую четверть/триместр»: не отметка, отметка по журналу не учтена — 1 (значения «1»; строка 9)");
        assertThat(summary.schools().get("sch220001").municipalityName()).isEqualTo("город Барнаул");
        assertThat(summary.schools().get("sch220001").municipalityCode()).isNull();
    }

    /** The codifier is outside knowledge: a score above its maximum is kept at the maximum, with a warning. */
    @Test
    void aScoreAboveTheCodifiersMaximumIsCappedWithAWarning() throws IOException {
        Path file = Xlsx.book().sheet("Sheet", List.of(HEADER_2021,
                        row("sch220001", "город Барнаул", 1, 40001, 5, "ж", "А", 1, 3, 2, 0, 1)))
                .write(dir.resolve("Проведение работы по математике, 4 класс. ВПР 2021.xlsx"));

        var summary = read(file, new WorkReference(k -> Optional.of(CODIFIER), k -> OptionalInt.empty()));

        assertThat(summary.problems().list()).isEmpty();
        assertThat(results.get(0).tasks().pack()).isEqualTo("101");
        assertThat(results.get(0).primaryScore()).isEqualTo(3.0);
        assertThat(summary.warnings()).containsExactly("лист «Sheet», столбец «балл за 1»: балл больше максимума "
                + "задания «1» по кодификатору, учтён максимум — 1 (значения «2 > 1»; строка 2)",
                "лист «Sheet», столбец «всего баллов»: итог не равен сумме баллов за задания, взят итог из файла "
                        + "— 1 (значения «3 ≠ 2»; строка 2)");
    }

    @Test
    void withoutACodifierPositionsAreLabelsAndTheScaleGivesTheMaximum() throws IOException {
        var summary = read(export2021(), new WorkReference(k -> Optional.empty(), k -> OptionalInt.of(5)));

        assertThat(started.format()).isEqualTo("1=1;2=2;3=2");
        assertThat(summary.warnings().get(0)).isEqualTo("лист «Sheet»: кодификатор работы не найден: задания названы "
                + "номерами позиций, максимальный балл задания — наибольший балл в файле — 1 (строка 1)");
        assertThat(summary.problems().list()).extracting(Problem::row).containsExactly(6L, 7L, 8L);
    }

    @Test
    void aCodifierThatDoesNotFitTheFileIsNotApplied() throws IOException {
        TaskLayout two = new TaskLayout(List.of(new TaskLayout.Task("1", 1), new TaskLayout.Task("2", 1)));

        var summary = read(export2021(), new WorkReference(k -> Optional.of(two), k -> OptionalInt.empty()));

        assertThat(started.format()).isEqualTo("1=1;2=2;3=2");
        assertThat(summary.warnings().get(0)).startsWith("лист «Sheet»: кодификатор работы описывает 2 заданий, а в "
                + "файле 3 позиций, поэтому он не применён");
    }

    /** data-formats §1.3: the variant may be in either column; the export always has 40 score columns. */
    @Test
    void readsThe2020LayoutFromItsFolders() throws IOException {
        List<Object> header = new ArrayList<>(List.of("groups", "user", "id", "code", "otc", "gender", "klass",
                "var-1", "var-2", "sum"));
        for (int i = 1; i <= 5; i++) {
            header.add("a-" + i + "-grade");
        }
        String groups = "22-RU-ALT,EAST,VPR_22";
        Path folder = Files.createDirectories(dir.resolve("2020").resolve("4"));
        Path file = Xlsx.book().sheet("Sheet1", List.of(header,
                        row(groups, "sch223080", 1, 50001, 4, "м", "а", 1, null, 3, 1, 1, 1),
                        row(groups, "sch223080", 2, 50002, 3, "ж", "б", null, 2, 2, 0, 2, "X"),
                        row(groups, "sch223080", 3, 50003, null, null, null, "отсутствовал")))
                .write(folder.resolve("Математика.xlsx"));

        var summary = read(file, WorkReference.NONE);

        assertThat(summary.format()).isEqualTo(FisOkoFormat.EXPORT_2020);
        assertThat(summary.problems().list()).isEmpty();
        assertThat(summary.procedure()).isEqualTo(new Procedure.Key(ProcedureKind.VPR, 2020, "MA", 4));
        assertThat(started.format()).isEqualTo("1=1;2=2;3=1");
        assertThat(results).extracting(Result::variant).containsExactly("1", "2", null);
        assertThat(results.get(1).tasks().pack()).isEqualTo("02-");
        assertThat(results.get(2).absent()).isTrue();
    }

    @Test
    void aWorkbookThatIsNotFromFisOkoIsRejectedWithAReason() {
        Path file = Xlsx.book().sheet("Лист1", List.of(row("a", "b"), row(1, 2))).write(dir.resolve("other.xlsx"));

        assertThatThrownBy(() -> read(file, WorkReference.NONE)).isInstanceOf(InputException.class)
                .hasMessage("other.xlsx: это не файл ВПР из ФИС ОКО: нет листа «Протокол» и заголовка выгрузки «Проведение работы»");
    }

    @Test
    void aMissingColumnNamesTheSheetAndTheHeaderRow() {
        Path file = Xlsx.book().sheet("Протокол", List.of(row("Вариант", "1 (1б)"), row(1, 1)))
                .write(dir.resolve("Математика 4 класс ВПР 2022 edu220001.xlsx"));

        assertThatThrownBy(() -> read(file, WorkReference.NONE)).isInstanceOfSatisfying(InputException.class,
                e -> assertThat(e.problems()).extracting(Problem::describe).containsExactly(
                        "Математика 4 класс ВПР 2022 edu220001.xlsx, лист «Протокол», строка 1: нет обязательного столбца «код»"));
    }

    @Test
    void aFileWhoseWorkCannotBeRecognisedSaysWhatIsMissing() {
        Path file = Xlsx.book().sheet("Sheet", List.of(HEADER_2021)).write(dir.resolve("выгрузка.xlsx"));

        assertThatThrownBy(() -> read(file, WorkReference.NONE)).isInstanceOfSatisfying(InputException.class,
                e -> assertThat(e.problems()).extracting(Problem::message).containsExactly(
                        "не удалось определить год ВПР: в файле нет даты загрузки, а в имени файла или папки — года "
                                + "(например, «Проведение работы по математике, 4 класс. ВПР 2021.xlsx»)",
                        "не удалось определить класс: укажите его в имени файла («… 4 класс …») или положите файл "
                                + "в папку с номером класса",
                        "предмет «выгрузка» из имени файла не найден в справочнике предметов"));
    }

    @Test
    void anXlsxIsRecognisedByItsSheetsAndHeader() {
        Path form = Xlsx.book().sheet("Классы", List.of(row("a"))).sheet(" Протокол ", List.of(row("Код")))
                .write(dir.resolve("a.xlsx"));
        Path export = Xlsx.book().sheet("Sheet", List.of(HEADER_2021)).write(dir.resolve("b.xlsx"));
        Path csv = dir.resolve("c.csv");

        assertThat(FisOkoFormat.detect(form)).contains(FisOkoFormat.FORM);
        assertThat(FisOkoFormat.detect(export)).contains(FisOkoFormat.EXPORT_2021);
        assertThat(FisOkoFormat.detect(csv)).isEmpty();
    }
}
