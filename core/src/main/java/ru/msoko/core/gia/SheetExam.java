package ru.msoko.core.gia;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;

/**
 * The exam a РЦОИ sheet holds: kind, year, subject and grade from its title (cell A1), then from the file name,
 * then the grade from the «Класс» column; and what its «Балл» column means.
 *
 * @param scoreIsMark «Балл» is a mark 2–5 (ОГЭ, ГВЭ, and ЕГЭ in base mathematics, data-formats §2.4), not
 *                    a 100-point test score
 */
record SheetExam(Procedure.Key key, LocalDate date, boolean scoreIsMark) {

    /**
     * @param title the title text (cell A1), empty when the sheet has none
     * @param titleRow its row, for messages
     * @param classGrade 9 or 11 when most class labels of the sheet start with it, else {@code null}
     * @throws InputException when the exam cannot be recognised
     */
    static SheetExam resolve(String fileName, String sheet, String title, long titleRow, Integer classGrade,
                             Directory directory) {
        ExamTitle t = ExamTitle.parse(title);
        ExamTitle f = ExamTitle.parse(fileName.replaceFirst("\\.[^.]+$", ""));
        ExamTitle named = t.kind() != null || t.gve() ? t : f;
        Integer grade = named.kind() != null ? Integer.valueOf(gradeOf(named.kind()))
                : t.grade() != null ? t.grade() : f.grade() != null ? f.grade() : classGrade;
        List<Problem> problems = new ArrayList<>();
        ProcedureKind kind = named.kind();
        if (kind == null && grade != null && (grade == 9 || grade == 11)) {
            kind = named.gve() ? (grade == 9 ? ProcedureKind.GVE9 : ProcedureKind.GVE11)
                    : grade == 9 ? ProcedureKind.OGE : ProcedureKind.EGE;
        }
        if (kind == null) {
            problems.add(new Problem(fileName, sheet, titleRow, null, "не удалось определить экзамен: в заголовке листа "
                    + "(ячейка A1) или в имени файла ожидается ОГЭ, ЕГЭ, ГВЭ-9 или ГВЭ-11, а столбец «Класс» не говорит, "
                    + "9 это класс или 11"));
        }
        LocalDate date = t.date() != null ? t.date() : f.date();
        Integer year = t.year() != null ? t.year() : f.year();
        if (year == null) {
            problems.add(new Problem(fileName, sheet, titleRow, null, "не удалось определить год экзамена: в заголовке "
                    + "листа (ячейка A1) ожидается дата вида 24.05.2025, или год в имени файла"));
        }
        String subjectText = !t.subject().isEmpty() ? t.subject() : f.subject();
        Optional<String> subject = subject(t.subject(), directory).or(() -> subject(f.subject(), directory));
        if (subject.isEmpty()) {
            problems.add(new Problem(fileName, sheet, titleRow, null, subjectText.isEmpty()
                    ? "не удалось определить предмет: ожидается заголовок листа (ячейка A1) вида «01 Русский язык "
                            + "24.05.2025»"
                    : "предмет «" + subjectText + "» из заголовка листа (ячейка A1) не найден в справочнике предметов"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        boolean mark = kind != ProcedureKind.EGE || subjectText.toLowerCase(java.util.Locale.ROOT).contains("базов");
        return new SheetExam(new Procedure.Key(kind, year, subject.get(), gradeOf(kind)), date, mark);
    }

    private static int gradeOf(ProcedureKind kind) {
        return kind == ProcedureKind.OGE || kind == ProcedureKind.GVE9 ? 9 : 11;
    }

    /**
     * The subject named by the words, or by the longest run of them the directory knows (the title may carry
     * words before or after the name that are not part of it).
     */
    private static Optional<String> subject(String words, Directory directory) {
        String[] tokens = words.isEmpty() ? new String[0] : words.split(" ");
        for (int length = tokens.length; length > 0; length--) {
            for (int from = 0; from + length <= tokens.length; from++) {
                Optional<String> code = directory.subjectCode(String.join(" ", Arrays.copyOfRange(tokens, from, from + length)));
                if (code.isPresent()) {
                    return code;
                }
            }
        }
        return Optional.empty();
    }
}
