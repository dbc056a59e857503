package ru.msoko.core.olympiad;

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
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.OlympiadStatus;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.fisoko.Xlsx;
import ru.msoko.core.privacy.Pseudonymizer;

/**
 * Protocols written here with invented participants («Тестов Тест Тестович»): never real names. Expected values
 * are read off the rows below by hand; the comments say how.
 */
class ProtocolReaderTest {

    @TempDir
    Path dir;

    private final List<Result> results = new ArrayList<>();
    private Problems problems = new Problems(100);

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /**
     * A school stage workbook: sheet «Математика» with a title, school year, date and maximum above a two-row
     * header (tasks 1–5 under a merged «Баллы за задания»), six participants and a jury footer; sheet «Информатика»
     * with surname / name / patronymic columns, «Макс. балл» per row and «Тип диплома».
     */
    static Path schoolStage(Path file) {
        List<List<Object>> maths = List.of(
                row("Протокол школьного этапа всероссийской олимпиады школьников по математике"),
                row("2025/2026 учебный год"),
                row("Дата проведения: 02.10.2025"),
                row("Максимальный балл: 35"),
                row("№ п/п", "ФИО участника", "ОО", "Класс обучения", "Класс участия", "Баллы за задания", null, null,
                        null, null, "Итого", "Статус"),
                row(null, null, null, null, null, 1, 2, 3, 4, 5),
                row(1, "Тестов Тест Тестович", "МБОУ «СОШ № 5»", 6, 7, 7, 7, 7, 7, 5, 33, "Победитель"),
                row(2, "Пробная Анна Игоревна", "Средняя общеобразовательная школа №5", "7А", 7, 7, 7, 5, 4, 3, 26,
                        "призер"),
                row(3, "Примеров Пётр Петрович", "Гимназия № 1", "7 б", "7", 5, 5, 5, 3, 2, 20, "ПРИЗЁР"),
                row(4, "Образцова Ольга Олеговна", "40002", "7", "7", 2, 2, 2, 2, 1, 10, "участник"),
                row(5, "Нулева Нина Николаевна", "40001", "7", "7", "x", "x", "x", "x", "x", 0, null),
                row(6, "Неявкин Иван Иванович", "40001", 7, 7, null, null, null, null, null, "не явился"),
                row(null, "Председатель жюри: Жюриев Ж. Ж."));
        List<List<Object>> informatics = List.of(
                row("Школьный этап ВсОШ по информатике"),
                row("8 класс, 2025-2026 уч. год"),
                row("Фамилия", "Имя", "Отчество", "Образовательная организация", "Класс", "Результат (балл)",
                        "Макс. балл", "Тип диплома"),
                row("Тестова", "Тамара", "Тестовна", "40001", "8", 41, 50, "диплом победителя"),
                row("Пробный", "Пётр", null, "Гимназия №1", "8", 12.5, 50, null));
        Xlsx book = Xlsx.book().sheet("Математика", maths).sheet("Информатика", informatics);
        for (int c : new int[] {0, 1, 2, 3, 4, 10, 11}) {
            book.merge("Математика", 4, c, 5, c);
        }
        return book.merge("Математика", 4, 5, 4, 9).write(file);
    }

    private Path write(String name, String sheet, List<List<Object>> rows) {
        return Xlsx.book().sheet(sheet, rows).write(dir.resolve(name));
    }

    private ProtocolReader.Summary read(Path file) throws IOException {
        return read(file, s -> "k:" + s);
    }

    private ProtocolReader.Summary read(Path file, UnaryOperator<String> pseudonymizer) throws IOException {
        return new ProtocolReader(new ProtocolDirectory(), pseudonymizer).read(file, file.getFileName().toString(),
                problems, (row, r) -> results.add(r));
    }

    @Test
    void schoolStageTwoSheetsWithMergedHeaderGiveTwoProcedures() throws IOException {
        var s = read(schoolStage(dir.resolve("протокол.xlsx")));

        assertThat(problems.list()).isEmpty();
        // 6 participants on «Математика» (the jury footer is no participant) + 2 on «Информатика»; one «не явился».
        assertThat(s.rows()).isEqualTo(8);
        assertThat(s.accepted()).isEqualTo(8);
        assertThat(s.absent()).isEqualTo(1);
        var maths = new Procedure.Key(ProcedureKind.OLYMPIAD_SCHOOL, 2025, "MA", 7);
        var informatics = new Procedure.Key(ProcedureKind.OLYMPIAD_SCHOOL, 2025, "IN", 8);
        assertThat(s.procedures()).containsExactly(maths, informatics);
        List<Result> m = results.subList(0, 6);
        assertThat(m).extracting(Result::procedure).containsOnly(maths);
        // «Итого» column: 33, 26, 20, 10, 0 and nothing for the absent participant.
        assertThat(m).extracting(Result::primaryScore).containsExactly(33.0, 26.0, 20.0, 10.0, 0.0, null);
        assertThat(m).extracting(Result::status).containsExactly(OlympiadStatus.WINNER, OlympiadStatus.PRIZE_WINNER,
                OlympiadStatus.PRIZE_WINNER, OlympiadStatus.PARTICIPANT, OlympiadStatus.PARTICIPANT, null);
        assertThat(m).extracting(Result::absent).containsExactly(false, false, false, false, false, true);
        assertThat(m).extracting(Result::maxScore).containsOnly(35.0);
        assertThat(m).extracting(Result::date).containsOnly(LocalDate.of(2025, 10, 2));
        // The class of study is kept as the label (6 although the participant wrote for grade 7).
        assertThat(m).extracting(Result::classLabel).containsExactly("6", "7А", "7Б", "7", "7", "7");
        // «МБОУ «СОШ № 5»» and «Средняя общеобразовательная школа №5» are the directory name of 40001.
        assertThat(m).extracting(Result::schoolCode).containsExactly("40001", "40001", "40002", "40002", "40001",
                "40001");
        assertThat(m.get(0).participant()).isEqualTo("k:40001|2025|Тестов Тест Тестович");
        List<Result> i = results.subList(6, 8);
        assertThat(i).extracting(Result::primaryScore).containsExactly(41.0, 12.5);
        assertThat(i).extracting(Result::maxScore).containsOnly(50.0);
        assertThat(i).extracting(Result::status).containsExactly(OlympiadStatus.WINNER, OlympiadStatus.PARTICIPANT);
        assertThat(i).extracting(Result::schoolCode).containsExactly("40001", "40002");
        // Row 10: tasks 2+2+2+2+1 = 9, «Итого» 10 — a warning, the total is taken.
        assertThat(s.warnings()).singleElement().asString().contains("Математика").contains("Итого")
                .contains("строка 10");
    }

    @Test
    void theSameParticipantHasOneKeyAtEveryStageOfTheOlympiadYear() throws IOException {
        read(schoolStage(dir.resolve("шэ.xlsx")));
        String schoolStage = results.get(0).participant();
        results.clear();
        read(write("рэ.xlsx", "Лист1", List.of(
                row("Региональный этап ВсОШ по математике, 15.01.2026"),
                row("ФИО", "Наименование ОО", "Класс обучения", "Класс участия", "Балл", "Максимальный балл",
                        "Результат участия"),
                row("ТЕСТОВ ТЕСТ ТЕСТОВИЧ", "Средняя общеобразовательная школа № 5", 6, 9, 20, 80, "Призёр"))));
        assertThat(problems.list()).isEmpty();
        Result regional = results.get(0);
        // The participation class (9) is the grade; January 2026 is the olympiad year 2025/26 (key year 2025).
        assertThat(regional.procedure()).isEqualTo(new Procedure.Key(ProcedureKind.OLYMPIAD_REGIONAL, 2026, "MA", 9));
        // «Результат участия» beside «Балл» is the status column.
        assertThat(regional.status()).isEqualTo(OlympiadStatus.PRIZE_WINNER);
        assertThat(regional.participant().toLowerCase(java.util.Locale.ROOT))
                .isEqualTo(schoolStage.toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void everyBadRowIsNamedBySheetRowAndColumn() throws IOException {
        var s = read(write("ошибки.xlsx", "История", List.of(
                row("Протокол муниципального этапа олимпиады по истории 14.11.2025"),
                row("№", "ФИО", "ОО", "Класс участия", "Итого", "Макс. балл", "Статус"),
                row(1, "Ошибкин Олег Олегович", "40001", 9, 105, 100, "победитель"),
                row(2, "Неизвестнов Нил Нилович", "СОШ № 55", 9, 50, 100, "призёр"),
                row(3, "Двойнов Дмитрий Дмитриевич", "СОШ № 1 с. Берёзовка", 9, 30, 100, "участник"),
                row(4, "Статусов Сергей Сергеевич", "40002", 9, 40, 100, "лауреат"),
                row(5, "Хорошев Харитон Харитонович", "40002", 9, 60, 100, "Призёр"))));

        assertThat(problems.list()).extracting(Problem::sheet).containsOnly("История");
        assertThat(problems.list()).extracting(Problem::row).containsExactly(3L, 4L, 5L, 6L);
        assertThat(problems.list()).extracting(Problem::column).containsExactly("Итого", "ОО", "ОО", "Статус");
        assertThat(problems.list().get(0).message()).isEqualTo("балл 105 больше максимального (100)");
        assertThat(problems.list().get(1).message()).contains("«СОШ № 55» не найдена")
                .contains("похожие: МБОУ «Средняя общеобразовательная школа № 5» (40001)");
        assertThat(problems.list().get(2).message()).contains("несколько школ").contains("40003, 40004");
        assertThat(problems.list().get(3).message()).contains("«лауреат»");
        assertThat(problems.list()).extracting(Problem::describe).noneMatch(d -> d.contains("Ошибкин")
                || d.contains("Неизвестнов") || d.contains("Статусов"));
        // Only row 7 is valid: the municipal stage of 14.11.2025, grade 9 from «Класс участия».
        assertThat(s.accepted()).isEqualTo(1);
        assertThat(results.get(0).procedure())
                .isEqualTo(new Procedure.Key(ProcedureKind.OLYMPIAD_MUNICIPAL, 2025, "HI", 9));
    }

    @Test
    void aTableWithoutMaximumStageOrYearIsReportedOnceAtItsHeader() throws IOException {
        read(write("без заголовка.xlsx", "Лист1", List.of(
                row("ФИО", "ОО", "Класс", "Итого", "Статус"),
                row("Первов Павел Павлович", "40001", 7, 10, "участник"),
                row("Второв Виктор Викторович", "40001", 7, 12, "участник"))));
        // Neither stage, year, subject nor maximum: four messages, each once, at the header (row 1).
        assertThat(problems.list()).extracting(Problem::row).containsOnly(1L);
        assertThat(problems.list()).extracting(Problem::message).hasSize(4)
                .anyMatch(m -> m.startsWith("не удалось определить этап"))
                .anyMatch(m -> m.startsWith("не удалось определить год"))
                .anyMatch(m -> m.startsWith("не удалось определить предмет"))
                .anyMatch(m -> m.startsWith("не указан максимальный балл"));
        assertThat(results).isEmpty();
    }

    @Test
    void aSchoolProtocolWithoutSchoolColumnTakesTheSchoolNamedAboveAndGradeRowsInside() throws IOException {
        var s = read(write("школа.xlsx", "Лист1", List.of(
                row("Протокол ШЭ ВсОШ по истории, 2025/2026 учебный год"),
                row("Образовательная организация: МАОУ «Гимназия № 1»"),
                row("ФИО", "Итого", "Максимальный балл", "Статус"),
                row("5 класс"),
                row("Пятов Пётр Петрович", 30, 50, "победитель"),
                row("6 класс"),
                row("Шестов Шамиль Шамилевич", 20, 60, "участник"))));
        assertThat(problems.list()).isEmpty();
        // The school is the name above the table (40002); the «5 класс» / «6 класс» rows give each row its grade.
        assertThat(s.procedures()).containsExactly(new Procedure.Key(ProcedureKind.OLYMPIAD_SCHOOL, 2025, "HI", 5),
                new Procedure.Key(ProcedureKind.OLYMPIAD_SCHOOL, 2025, "HI", 6));
        assertThat(results).extracting(Result::schoolCode).containsOnly("40002");
        assertThat(results).extracting(Result::maxScore).containsExactly(50.0, 60.0);
    }

    /** An итоговое сочинение list (date above the table) and a собеседование sheet (date per row, once as a number). */
    static Path passFail(Path file) {
        List<List<Object>> essay = List.of(
                row("Результаты итогового сочинения (изложения)"),
                row("Дата проведения: 03.12.2025"),
                row("№", "ФИО обучающегося", "ОО", "Класс", "Результат"),
                row(1, "Сочинёв Семён Семёнович", "40001", "11А", "зачёт"),
                row(2, "Писарева Полина Павловна", "40001", "11А", "зачет"),
                row(3, "Незачётов Нил Нилович", "40002", "11Б", "незачет"),
                row(4, "Слабова Света Сергеевна", "40002", "11Б", "не зачтено"),
                row(5, "Плюсов Павел Павлович", "40002", "11 Б", "+"),
                row(6, "Минусов Марк Маркович", "40002", "11Б", "-"),
                row(7, "Болеев Борис Борисович", "40002", "11Б", "не явился"));
        List<List<Object>> interview = List.of(
                row("Итоговое собеседование по русскому языку, 2025/2026 учебный год"),
                row("ФИО", "Код ОО", "Класс", "Дата", "Зачёт/незачёт"),
                row("Говоров Глеб Глебович", "40001", "9А", "12.02.2026", "Зачёт"),
                row("Молчанова Мила Михайловна", "40001", "9А", 46065, "Незачёт"));
        return Xlsx.book().sheet("ИС", essay).sheet("ИС-9", interview).write(file);
    }

    @Test
    void essayAndInterviewAreStoredAsPassFail() throws IOException {
        var s = read(passFail(dir.resolve("ис.xlsx")));

        assertThat(problems.list()).isEmpty();
        assertThat(s.accepted()).isEqualTo(9);
        assertThat(s.absent()).isEqualTo(1);
        var essay = new Procedure.Key(ProcedureKind.ESSAY, 2025, "RU", 11);
        var interview = new Procedure.Key(ProcedureKind.INTERVIEW, 2026, "RU", 9);
        assertThat(s.procedures()).containsExactly(essay, interview);
        // зачёт, зачет, незачет, не зачтено, +, -, не явился.
        assertThat(results.subList(0, 7)).extracting(Result::passed)
                .containsExactly(true, true, false, false, true, false, null);
        assertThat(results.subList(0, 7)).extracting(Result::classLabel)
                .containsExactly("11А", "11А", "11Б", "11Б", "11Б", "11Б", "11Б");
        assertThat(results.subList(0, 7)).extracting(Result::date).containsOnly(LocalDate.of(2025, 12, 3));
        assertThat(results.subList(0, 7)).extracting(Result::primaryScore, Result::status, Result::mark)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(null, null, null));
        assertThat(results.subList(7, 9)).extracting(Result::passed).containsExactly(true, false);
        // 46065 days after 1899-12-30 is 12.02.2026, as the text date of the row above.
        assertThat(results.subList(7, 9)).extracting(Result::date).containsOnly(LocalDate.of(2026, 2, 12));
    }

    @Test
    void recognisesProtocolsAndListsButNotOtherSheets() {
        assertThat(ProtocolReader.recognise(schoolStage(dir.resolve("a.xlsx")))).contains(ProtocolReader.Kind.OLYMPIAD);
        assertThat(ProtocolReader.recognise(passFail(dir.resolve("b.xlsx")))).contains(ProtocolReader.Kind.PASS_FAIL);
        Path rcoi = write("c.xlsx", "Лист1", List.of(row("02 ОГЭ Математика 03.06.2025"), row("Код ОО", "Фамилия", "Имя",
                "Задания с кратким ответом", "Первичный балл", "Балл")));
        assertThat(ProtocolReader.recognise(rcoi)).isEmpty();
        Path vpr = write("d.xlsx", "Протокол", List.of(row("Код участника", "Вариант", "1 (1б)", "2 (2б)", "Сумма")));
        assertThat(ProtocolReader.recognise(vpr)).isEmpty();
    }

    @Test
    void aWorkbookWithoutTablesIsRejected() {
        Path other = write("e.xlsx", "Лист1", List.of(row("Список"), row("Название", "Количество")));
        assertThatThrownBy(() -> read(other)).isInstanceOf(InputException.class)
                .hasMessageContaining("это не протокол олимпиады");
    }

    @Test
    void namesNeverLeaveTheReader() throws IOException {
        Pseudonymizer p = new Pseudonymizer("0123456789abcdef0123".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        read(schoolStage(dir.resolve("f.xlsx")), p::key);
        read(passFail(dir.resolve("g.xlsx")), p::key);
        // 8 olympiad results + 9 pass/fail results, each with a 24-hex-digit key and no name anywhere.
        assertThat(results).hasSize(17);
        assertThat(results).extracting(Result::participant).allMatch(k -> k.matches("[0-9a-f]{24}"));
        assertThat(results).extracting(Result::toString).noneMatch(t -> t.contains("Тестов") || t.contains("Сочинёв")
                || t.contains("Тестова"));
    }
}
