package ru.msoko.core.gia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.fisoko.Xlsx;
import ru.msoko.core.privacy.Pseudonymizer;

/** РЦОИ sheets written here with invented participants («Тестов Тест Тестович»): never real names. */
class RcoiReaderTest {

    private static final List<Object> HEADER = row(null, "Код МСУ", "Код ОО", "Класс", "Код ППЭ", "Аудитория", "Фамилия",
            "Имя", "Отчество", "Документ", "Вариант", "Задания с кратким ответом", "Задания с развёрнутым ответом",
            "Первичный балл", "Балл");
    private static final String OGE_TITLE = "02 ОГЭ Математика 03.06.2025";

    @TempDir
    Path dir;

    private final List<Result> results = new ArrayList<>();
    private final List<Long> rows = new ArrayList<>();
    private TaskLayout started;

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** A participant row of the full layout. */
    private static List<Object> p(String school, String classLabel, String surname, String name, String patronymic,
                                  String shortAnswers, String longAnswers, Object primary, Object score) {
        return row(null, "01", school, classLabel, 101, 5, surname, name, patronymic, "4510 123456", "301", shortAnswers,
                longAnswers, primary, score);
    }

    private Path sheet(String fileName, String title, List<Object> header, List<List<Object>> participants) {
        List<List<Object>> all = new ArrayList<>();
        all.add(row(title));
        all.add(header);
        all.addAll(participants);
        return Xlsx.book().sheet("Лист1", all).write(dir.resolve(fileName));
    }

    private Path oge(List<List<Object>> participants) {
        return sheet("ведомость.xlsx", OGE_TITLE, HEADER, participants);
    }

    private RcoiReader.Summary read(Path file) throws IOException {
        return read(file, s -> "k:" + s);
    }

    private RcoiReader.Summary read(Path file, UnaryOperator<String> pseudonymizer) throws IOException {
        return new RcoiReader(new GiaDirectory(), pseudonymizer).read(file, file.getFileName().toString(),
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

    private static List<String> described(RcoiReader.Summary s) {
        return s.problems().list().stream().map(Problem::describe).toList();
    }

    @Test
    void readsAnOgeSheetWithBothParts() throws IOException {
        RcoiReader.Summary s = read(oge(List.of(
                p("220001", "9А", "Тестов", "Тест", "Тестович", "++-+2", "2(2)1(2)0(3)", 8, 4),
                p("220001", "б", "Примерова", "Проба", "Пробовна", "+-+-1", "0(2)2(2)3(3)", 8, 4),
                p("220002", "9 В", "Образцов", "Образец", null, "-----", "0(2)0(2)0(3)", 0, 2))));

        assertThat(described(s)).isEmpty();
        assertThat(s.procedure()).isEqualTo(new Procedure.Key(ProcedureKind.OGE, 2025, "MA", 9));
        // five short answers (the fifth shows a «2», so its maximum is 2), then three criteria numbered on
        assertThat(started.format()).isEqualTo("1=1;2=1;3=1;4=1;5=2;6=2;7=2;8=3");
        assertThat(started.tasks().get(7).header()).isEqualTo("8 (3б)");
        assertThat(rows).containsExactly(3L, 4L, 5L);
        assertThat(results).extracting(r -> r.tasks().pack()).containsExactly("11012210", "10101023", "00000000");
        assertThat(results).extracting(Result::primaryScore).containsExactly(8.0, 8.0, 0.0);
        assertThat(results).extracting(Result::mark).containsExactly(4, 4, 2);
        assertThat(results).extracting(Result::testScore).containsOnlyNulls();
        assertThat(results).extracting(Result::classLabel).containsExactly("9А", "9Б", "9В");
        assertThat(results).extracting(Result::schoolCode).containsExactly("edu220001", "edu220001", "edu220002");
        assertThat(results).extracting(Result::variant).containsOnly("301");
        assertThat(results).extracting(Result::date).containsOnly(LocalDate.of(2025, 6, 3));
        assertThat(results.get(0).participant()).isEqualTo("k:edu220001|2025|Тестов Тест Тестович");
        assertThat(s.schools()).containsOnlyKeys("220001", "220002");
        assertThat(s.schools().get("220002").municipalityCode()).isEqualTo("01");
        assertThat(s.warnings()).containsExactly(
                "лист «Лист1»: столбец «Документ» не читается: данные документов участников не хранятся — 1 (строка 2)",
                "лист «Лист1», столбец «Задания с кратким ответом»: максимальный балл задания с кратким ответом, "
                        + "оценённого цифрой, взят как наибольший балл в ведомости — 1 (строка 2)");
    }

    @Test
    void readsAnEgeSheetWithoutTheExtendedPartByHeaderTextNotPosition() throws IOException {
        // «Первичный балл» and «Балл» one column to the left; headers in other spellings
        List<Object> header = row(null, "КОД  МСУ", "ОО", "класс ", "Код ППЭ", "Аудитория", "ФАМИЛИЯ", "Имя", "Отчёство",
                "Серия и номер документа", "Номер варианта", "Задания с кратким ответом ", "Первичный  балл", "Балл");
        Path file = sheet("ege.xlsx", "03 ЕГЭ Физика 11.06.2025", header, List.of(
                row(null, "01", "220001", "11А", 101, 5, "Тестов", "Тест", "Тестович", "4510 123456", "7", "+-+2+", 5, 44),
                row(null, "01", "220002", "11", 101, 5, "Примерова", "Проба", "", "4510 654321", "8", "--+1+", 3, 27)));

        RcoiReader.Summary s = read(file);

        assertThat(described(s)).isEmpty();
        assertThat(s.procedure()).isEqualTo(new Procedure.Key(ProcedureKind.EGE, 2025, "PH", 11));
        assertThat(started.format()).isEqualTo("1=1;2=1;3=1;4=2;5=1");
        assertThat(results).extracting(r -> r.tasks().pack()).containsExactly("10121", "00111");
        assertThat(results).extracting(Result::testScore).containsExactly(44.0, 27.0);
        assertThat(results).extracting(Result::mark).containsOnlyNulls();
        assertThat(results).extracting(Result::variant).containsExactly("7", "8");
        assertThat(results).extracting(Result::classLabel).containsExactly("11А", "11");
    }

    @Test
    void aMalformedAnswerStringNamesRowColumnAndCharacterPosition() throws IOException {
        RcoiReader.Summary s = read(oge(List.of(
                p("220001", "9А", "Тестов", "Тест", "Тестович", "++a+2", "2(2)1(2)0(3)", 8, 4),
                p("220001", "9А", "Примерова", "Проба", "Пробовна", "+-+-1", "0(2)x(2)3(3)", 8, 4),
                p("220001", "9А", "Образцов", "Образец", "Образцович", "+-+-1", "0(2)2(2)3(3", 8, 4),
                p("220001", "9А", "Пробин", "Пробник", "", "+-+-", "0(2)2(2)3(3)", 8, 4),
                p("220001", "9А", "Макетов", "Макет", "", "+-+-1", "0(2)2(3)3(3)", 8, 4),
                p("220001", "9А", "Шаблонов", "Шаблон", "", "+-+-1", "0(2)2(2)3(3)", 8, 4))));

        assertThat(described(s)).containsExactly(
                "ведомость.xlsx, лист «Лист1», строка 3, столбец «Задания с кратким ответом»: символ «a» на позиции 3: "
                        + "ожидается «+» (верно), «-» (неверно) или цифра (балл за задание)",
                "ведомость.xlsx, лист «Лист1», строка 4, столбец «Задания с развёрнутым ответом»: символ «x» на позиции 5: "
                        + "ожидается балл критерия (число) (вид «2(2)1(3)0(2)…»)",
                "ведомость.xlsx, лист «Лист1», строка 5, столбец «Задания с развёрнутым ответом»: строка обрывается после "
                        + "позиции 11: ожидается «)» (вид «2(2)1(3)0(2)…»)",
                "ведомость.xlsx, лист «Лист1», строка 6, столбец «Задания с кратким ответом»: 4 символа, а в других строках "
                        + "ведомости 5: ожидается по одному символу на задание",
                "ведомость.xlsx, лист «Лист1», строка 7, столбец «Задания с развёрнутым ответом»: критерий 2 (задание «7»): "
                        + "максимум в скобках 3, а в других строках ведомости 2");
        assertThat(results).hasSize(1);
    }

    @Test
    void anUnknownSchoolIsAProblemWithTheClosestKnownCodes() throws IOException {
        RcoiReader.Summary s = read(oge(List.of(
                p("220003", "9А", "Тестов", "Тест", "Тестович", "++-+2", "2(2)1(2)0(3)", 8, 4),
                p("999999", "9А", "Примерова", "Проба", "Пробовна", "++-+2", "2(2)1(2)0(3)", 8, 4))));

        assertThat(described(s)).containsExactly(
                "ведомость.xlsx, лист «Лист1», строка 3, столбец «Код ОО»: школа с кодом «220003» не найдена в "
                        + "справочнике школ (на 2025 год); похожие коды: 220001, 220002",
                "ведомость.xlsx, лист «Лист1», строка 4, столбец «Код ОО»: школа с кодом «999999» не найдена в "
                        + "справочнике школ (на 2025 год)");
    }

    @Test
    void theSamePersonTwiceInOneSchoolIsAProblemNamingBothRowsButNotThePerson() throws IOException {
        RcoiReader.Summary s = read(oge(List.of(
                p("220001", "9А", "Тестов", "Тест", "Тестович", "++-+2", "2(2)1(2)0(3)", 8, 4),
                p("220002", "9А", "Тестов", "Тест", "Тестович", "++-+2", "2(2)1(2)0(3)", 8, 4),
                p("220001", "9Б", "ТЕСТОВ ", "Тест", "Тестович", "+--+2", "2(2)1(2)0(3)", 7, 3))),
                new Pseudonymizer(new byte[32])::key);

        // the namesake in another school is another person; case and spaces do not make a new one
        assertThat(described(s)).containsExactly("ведомость.xlsx, лист «Лист1», строка 5, столбец «Фамилия»: тот же "
                + "участник (фамилия, имя, отчество и код ОО), что и в строке 3: повтор результата");
        assertThat(results).hasSize(2);
    }

    @Test
    void namesAndDocumentsNeverReachResultsProblemsOrWarnings() throws IOException {
        RcoiReader.Summary s = read(oge(List.of(
                p("220001", "9А", "Тестов", "Тест", "Тестович", "++-+2", "2(2)1(2)0(3)", 7, 4),
                p("220001", "9А", "Тестов", "Тест", "Тестович", "++-+2", "2(2)1(2)0(3)", 8, 9),
                p("220003", "9А", "Примерова", "Проба", "Пробовна", "+-?+2", "2(2)1(2)0(3)", 8, 4))),
                new Pseudonymizer(new byte[32])::key);

        String everything = (results + " " + s.warnings() + " " + described(s) + " " + s.schools()).toLowerCase();
        assertThat(described(s)).hasSize(3);
        assertThat(s.warnings()).anyMatch(w -> w.contains("«7 ≠ 8»"));
        assertThat(everything).doesNotContain("тестов", "тест ", "примерова", "проба", "4510", "123456");
        assertThat(results.get(0).participant()).matches("[0-9a-f]{24}");
    }

    @Test
    void marksAndTestScoresOutsideTheirRangeAreProblems() throws IOException {
        Path ege = sheet("ege.xlsx", "03 ЕГЭ Физика 11.06.2025", HEADER, List.of(
                p("220001", "11А", "Тестов", "Тест", "Тестович", "+-+2+", "1(2)", 6, 120)));

        RcoiReader.Summary s = read(ege);

        assertThat(described(s)).containsExactly("ege.xlsx, лист «Лист1», строка 3, столбец «Балл»: «120» — не "
                + "тестовый балл: для ЕГЭ ожидается число от 0 до 100");
        RcoiReader.Summary oge = read(oge(List.of(
                p("220001", "9А", "Тестов", "Тест", "Тестович", "++-+2", "2(2)1(2)0(3)", 8, 7))));
        assertThat(described(oge)).containsExactly("ведомость.xlsx, лист «Лист1», строка 3, столбец «Балл»: «7» — не "
                + "отметка: для ОГЭ в этом столбце ожидается отметка 2, 3, 4 или 5");
    }

    @Test
    void aRowWithoutScoresIsAbsentAndAMissingStringWhereOthersHaveOneIsAProblem() throws IOException {
        RcoiReader.Summary s = read(oge(List.of(
                p("220001", "9А", "Тестов", "Тест", "Тестович", "++-+2", "2(2)1(2)0(3)", 8, 4),
                p("220001", "9А", "Примерова", "Проба", "Пробовна", null, null, null, null),
                p("220001", "9А", "Образцов", "Образец", "", "++-+2", null, 6, 3))));

        assertThat(described(s)).containsExactly("ведомость.xlsx, лист «Лист1», строка 5, столбец «Задания с развёрнутым "
                + "ответом»: пусто, а в других строках ведомости ответы есть");
        assertThat(s.absent()).isEqualTo(1);
        assertThat(results.get(1).absent()).isTrue();
        assertThat(results.get(1).tasks()).isNull();
    }

    @Test
    void theKindComesFromTheTitleThenTheFileNameThenTheClassColumn() throws IOException {
        List<List<Object>> ninth = List.of(p("220001", "9А", "Тестов", "Тест", "Тестович", "+-", "1(2)", 2, 3));
        List<List<Object>> eleventh = List.of(p("220001", "11А", "Тестов", "Тест", "Тестович", "+-", "1(2)", 2, 3));

        read(sheet("a.xlsx", "ГВЭ Математика 04.06.2025", HEADER, ninth));
        read(sheet("ГВЭ-11 английский.xlsx", "Английский язык 20.06.2025", HEADER, ninth));
        read(sheet("b.xlsx", "22 Математика базового уровня 30.05.2025", HEADER, eleventh));
        read(sheet("ОГЭ 2025 русский язык.xlsx", "01 Русский язык", HEADER, ninth));

        assertThat(results).extracting(Result::procedure).containsExactly(
                new Procedure.Key(ProcedureKind.GVE9, 2025, "MA", 9),
                new Procedure.Key(ProcedureKind.GVE11, 2025, "EN", 11),
                new Procedure.Key(ProcedureKind.EGE, 2025, "MAB", 11),
                new Procedure.Key(ProcedureKind.OGE, 2025, "RU", 9));
        // ЕГЭ in base mathematics is marked 2–5, so «Балл» is a mark there
        assertThat(results).extracting(Result::mark).containsExactly(3, 3, 3, 3);
        assertThat(results.get(3).date()).isNull();
    }

    @Test
    void anUnrecognisableExamIsRejectedSayingWhatIsExpected() {
        Path file = sheet("c.xlsx", "Результаты экзамена", HEADER,
                List.of(p("220001", "", "Тестов", "Тест", "Тестович", "+-", "1(2)", 2, 3)));

        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class)
                .extracting(e -> ((InputException) e).problems().stream().map(Problem::describe).toList())
                .asList().containsExactly(
                        "c.xlsx, лист «Лист1», строка 1: не удалось определить экзамен: в заголовке листа (ячейка A1) "
                                + "или в имени файла ожидается ОГЭ, ЕГЭ, ГВЭ-9 или ГВЭ-11, а столбец «Класс» не "
                                + "говорит, 9 это класс или 11",
                        "c.xlsx, лист «Лист1», строка 1: не удалось определить год экзамена: в заголовке листа (ячейка "
                                + "A1) ожидается дата вида 24.05.2025, или год в имени файла",
                        "c.xlsx, лист «Лист1», строка 1: предмет «Результаты экзамена» из заголовка листа (ячейка A1) "
                                + "не найден в справочнике предметов");
    }

    @Test
    void recognisesTheSheetByItsHeaderOnly() {
        Path rcoi = oge(List.of(p("220001", "9А", "Тестов", "Тест", "Тестович", "+-", "1(2)", 2, 3)));
        Path other = Xlsx.book().sheet("Протокол", List.of(row("Код", "Вариант", "1 (1б)"), row("40001", "1", "1")))
                .write(dir.resolve("form.xlsx"));
        Path missing = sheet("d.xlsx", OGE_TITLE, row(null, "Код МСУ", "Класс", "Фамилия", "Имя",
                "Задания с кратким ответом", "Первичный балл"), List.of(row(null, "01", "9А", "Тестов", "Тест", "+", 1)));

        assertThat(RcoiReader.recognises(rcoi)).isTrue();
        assertThat(RcoiReader.recognises(other)).isFalse();
        assertThatThrownBy(() -> read(other)).isInstanceOf(InputException.class).hasMessageContaining(
                "form.xlsx: это не ведомость РЦОИ: ни на одном листе в первых строках нет заголовка");
        assertThatThrownBy(() -> read(missing)).isInstanceOf(InputException.class).hasMessage(
                "d.xlsx, лист «Лист1», строка 2: нет обязательного столбца «Код ОО» (код образовательной организации)");
    }
}
