package ru.msoko.core.gia;

import java.util.List;
import ru.msoko.core.canonical.Problem;

/**
 * ЕГЭ results aggregated by school (row = school), as the Moscow open data (data-formats §6 #11) and the regional
 * three-level summary (§2.2) give them. Every measure is {@code null} when the layout does not have it.
 */
public final class ExamSchoolSummary {

    private ExamSchoolSummary() {
    }

    /**
     * What one school's row says about one subject.
     *
     * @param graduates all graduates of the school («Всего выпускников»)
     * @param chose who chose the subject (the preliminary summary has only this)
     * @param participants who sat the exam («приняли участие»; Moscow: PASSED_NUMBER_FULL)
     * @param belowMinimum who did not reach the minimum score
     * @param highScorers 80–99 test points («высокобалльники»)
     * @param hundred 100 test points
     * @param meanScore mean test score
     * @param atLeast160 at least 160 points over three subjects (Moscow)
     * @param atLeast220 at least 220 points over three subjects (Moscow)
     */
    public record Measures(Integer graduates, Integer chose, Integer participants, Integer belowMinimum,
                           Integer highScorers, Integer hundred, Double meanScore, Integer atLeast160,
                           Integer atLeast220) {
    }

    /**
     * One school and subject.
     *
     * @param row the 1-based row in the file (the first one when several rows of a school were combined)
     * @param identifierColumn the header of the column that identifies the school (for messages)
     * @param identifier how the file identifies the school (ОГРН, a code or the name)
     * @param subject the subject as written in the header; {@code null} = three subjects together (Moscow)
     */
    public record SchoolRow(long row, String identifierColumn, String identifier, String name, String municipality,
                            int year, String subject, Measures measures) {
    }

    /**
     * What was read.
     *
     * @param sheet the sheet for a workbook, {@code null} for CSV
     * @param subjectRow the header row that names the subjects (0 for CSV), for a message about an unknown subject
     */
    public record Summary(String sheet, long subjectRow, List<SchoolRow> rows, List<Problem> problems,
                          List<String> warnings) {
    }
}
