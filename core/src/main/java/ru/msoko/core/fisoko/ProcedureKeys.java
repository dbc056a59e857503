package ru.msoko.core.fisoko;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;

/** Which ВПР a file holds: year, subject and grade from the file's name and folders, and the form's «Классы» sheet. */
final class ProcedureKeys {

    private ProcedureKeys() {
    }

    static Procedure.Key resolve(String fileName, FileHints hints, FormFacts facts, Directory directory) {
        List<Problem> problems = new ArrayList<>();
        Integer year = facts.year() != null ? facts.year() : hints.year();
        if (year == null) {
            problems.add(Problem.ofFile(fileName, "не удалось определить год ВПР: в файле нет даты загрузки, а в имени "
                    + "файла или папки — года (например, «Проведение работы по математике, 4 класс. ВПР 2021.xlsx»)"));
        }
        Integer grade = hints.grade() != null ? hints.grade()
                : facts.classGrade() != null ? facts.classGrade() : facts.textbookGrade();
        if (grade == null) {
            problems.add(Problem.ofFile(fileName, "не удалось определить класс: укажите его в имени файла («… 4 класс …») "
                    + "или положите файл в папку с номером класса"));
        }
        String subject = subject(fileName, hints, facts, directory, problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return new Procedure.Key(ProcedureKind.VPR, year, subject, grade);
    }

    private static String subject(String fileName, FileHints hints, FormFacts facts, Directory directory,
                                  List<Problem> problems) {
        Optional<String> fromName = hints.subject() == null ? Optional.empty() : directory.subjectCode(hints.subject());
        Optional<String> textbook = facts.textbookPrefix() == null ? Optional.empty()
                : TextbookCode.subjectOf(facts.textbookPrefix());
        Optional<String> code = fromName.or(() -> textbook.flatMap(directory::subjectCode));
        if (code.isEmpty()) {
            problems.add(Problem.ofFile(fileName, hints.subject() != null
                    ? "предмет «" + hints.subject() + "» из имени файла не найден в справочнике предметов"
                    : "не удалось определить предмет: ожидается имя файла вида «Проведение работы по математике, "
                            + "4 класс. ВПР 2021.xlsx» или «Математика.xlsx»"));
        }
        return code.orElse(null);
    }
}
