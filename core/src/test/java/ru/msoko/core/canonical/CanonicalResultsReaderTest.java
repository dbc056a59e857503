package ru.msoko.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskScores;

class CanonicalResultsReaderTest {

    private static final String HEADER =
            "procedure;year;subject;grade;school_code;participant;class;gender;variant;1 (1б);2 (2б);3 (1б);mark;journal_mark";

    @TempDir
    Path dir;

    private final List<Result> rows = new ArrayList<>();
    private final CanonicalResultsReader reader =
            new CanonicalResultsReader(MapDirectory.standard(), s -> "k:" + s, 100);

    private CanonicalResultsReader.Summary read(String content, Charset cs) throws IOException {
        Path f = dir.resolve("results.csv");
        Files.writeString(f, content, cs);
        return reader.read(f, "results.csv", (row, r) -> rows.add(r));
    }

    @Test
    void readsAValidFileWithEveryQuirk() throws IOException {
        var summary = read(HEADER + "\n"
                + "ВПР;2025;Математика;5;edu220001;40001;\"а\";м;1;1;2;X;5;5\n"
                + "впр;2025;математика;5;sch220001;40002;А;Ж;2;0;х;1;3;нет отметки\n"
                + "ВПР;2025;Математика;5;edu220002;40003;Б;;отсутствовал;;;;;4\n", StandardCharsets.UTF_8);

        assertThat(summary.problems().list()).isEmpty();
        assertThat(summary.accepted()).isEqualTo(3);
        assertThat(summary.absent()).isEqualTo(1);
        assertThat(summary.layout().format()).isEqualTo("1=1;2=2;3=1");
        Result first = rows.get(0);
        assertThat(first.procedure().kind()).isEqualTo(ProcedureKind.VPR);
        assertThat(first.procedure().subjectCode()).isEqualTo("MA");
        assertThat(first.participant()).isEqualTo("k:40001");
        assertThat(first.classLabel()).isEqualTo("5А");
        assertThat(first.tasks()).isEqualTo(TaskScores.of(1, 2, TaskScores.NOT_ATTEMPTED));
        assertThat(first.primaryScore()).isEqualTo(3.0);
        Result second = rows.get(1);
        assertThat(second.schoolCode()).isEqualTo("edu220001");
        assertThat(second.tasks().pack()).isEqualTo("0-1");
        assertThat(second.journalMark()).isNull();
        Result absent = rows.get(2);
        assertThat(absent.absent()).isTrue();
        assertThat(absent.tasks()).isNull();
        assertThat(absent.primaryScore()).isNull();
        assertThat(absent.journalMark()).isEqualTo(4);
    }

    @Test
    void readsWindows1251WithCommas() throws IOException {
        var summary = read("procedure,year,subject,grade,school_code,participant,primary_score,mark\n"
                + "ОГЭ,2025,Русский язык,9,edu220001,Иванов Пётр,\"25,0\",4\n", Charset.forName("windows-1251"));
        assertThat(summary.problems().list()).isEmpty();
        assertThat(summary.charset()).isEqualTo("windows-1251");
        assertThat(summary.separator()).isEqualTo(',');
        assertThat(rows.get(0).participant()).isEqualTo("k:Иванов Пётр");
        assertThat(rows.get(0).primaryScore()).isEqualTo(25.0);
    }

    @Test
    void reportsEveryBadRowWithRowAndColumn() throws IOException {
        var summary = read(HEADER + "\n"
                + "ВПР;2025;Математика;5;edu220001;40001;А;м;1;1;2;1;7;5\n"          // 2: bad mark
                + "ВПР;2025;Математика;5;edu999999;40002;А;м;1;1;2;1;4;5\n"          // 3: unknown school
                + "ВПР;2025;Химия;5;edu220001;40003;А;м;1;1;2;1;4;5\n"               // 4: unknown subject
                + "ВПР;2025;Математика;5;edu220001;40004;А;м;1;1;3;1;4;5\n"          // 5: score above max
                + "ВПР;2025;Математика;5;edu220001;40005;А;м;1;1;два;1;4;5\n"        // 6: text in a score
                + "ВПР;2025;Математика;5;edu220001;40001;А;м;1;1;1;1;4;5\n"          // 7: duplicate of row 2? no: row 2 failed
                + "ВПР;2025;Математика;5;edu220001;40007;А;м;1;1;2\n"                // 8: wrong column count
                + "ВПР;2025;Математика;5;edu220001;40008;А;м;1;1;1;1;4;5\n"          // 9: fine
                + "ВПР;2025;Математика;5;edu220001;40008;А;м;1;0;0;0;2;5\n"          // 10: duplicate of 9
                + "ЕНТ;2025;Математика;5;edu220001;40010;А;м;1;1;1;1;4;5\n"          // 11: unknown procedure
                + "ВПР;2025;Математика;12;edu220001;40011;А;м;1;1;1;1;4;5\n",        // 12: grade out of range
                StandardCharsets.UTF_8);

        List<String> found = summary.problems().list().stream()
                .map(p -> p.row() + "|" + p.column() + "|" + p.message()).toList();
        assertThat(found).anySatisfy(s -> assertThat(s).startsWith("2|mark|«7» — не отметка"));
        assertThat(found).anySatisfy(s -> assertThat(s).startsWith("3|school_code|школа с кодом «edu999999» не найдена"));
        assertThat(found).anySatisfy(s -> assertThat(s).startsWith("4|subject|предмет «Химия» не найден"));
        assertThat(found).anySatisfy(s -> assertThat(s).startsWith("5|2 (2б)|балл 3 больше максимума"));
        assertThat(found).anySatisfy(s -> assertThat(s).startsWith("6|2 (2б)|«два» — не балл"));
        assertThat(found).anySatisfy(s -> assertThat(s).startsWith("8|null|в строке 11 полей, а в заголовке 14"));
        assertThat(found).anySatisfy(s -> assertThat(s).startsWith("10|participant|участник уже есть в этой процедуре (строка 9)"));
        assertThat(found).anySatisfy(s -> assertThat(s).startsWith("11|procedure|неизвестная процедура «ЕНТ»"));
        assertThat(found).anySatisfy(s -> assertThat(s).startsWith("12|grade|«12» — вне допустимого диапазона"));
        assertThat(summary.accepted()).isEqualTo(2); // rows 7 and 9
    }

    @Test
    void primaryScoreMustMatchTheTasksAndAbsentParticipantsHaveNoScores() throws IOException {
        var summary = read("procedure;year;subject;grade;school_code;participant;variant;1 (1б);2 (2б);primary_score\n"
                + "ВПР;2025;Математика;5;edu220001;1;1;1;2;5\n"
                + "ВПР;2025;Математика;5;edu220001;2;отсутствовал;1;;\n", StandardCharsets.UTF_8);
        List<String> found = summary.problems().list().stream().map(Problem::describe).toList();
        assertThat(found).containsExactly(
                "results.csv, строка 2, столбец «primary_score»: первичный балл 5 не равен сумме баллов за задания (3)",
                "results.csv, строка 3, столбец «variant»: участник отмечен отсутствовавшим, но у него есть баллы");
    }

    @Test
    void missingRequiredColumnsRejectTheWholeFile() {
        assertThatThrownBy(() -> read("procedure;year;subject\nВПР;2025;Математика\n", StandardCharsets.UTF_8))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).extracting(Problem::message)
                        .contains("нет обязательного столбца «grade»", "нет обязательного столбца «participant»"));
    }

    @Test
    void emptyFileIsNamedAsSuch() {
        assertThatThrownBy(() -> read("", StandardCharsets.UTF_8)).isInstanceOf(InputException.class)
                .hasMessageContaining("results.csv: файл пуст");
    }

    @Test
    void headerWithoutRowsIsAProblem() throws IOException {
        var summary = read(HEADER + "\n", StandardCharsets.UTF_8);
        assertThat(summary.problems().list()).extracting(Problem::message)
                .containsExactly("в файле нет ни одной строки с данными");
    }

    @Test
    void unknownColumnsAreReportedAndIgnored() throws IOException {
        var summary = read("procedure;year;subject;grade;school_code;participant;Учебник\n"
                + "ВПР;2025;Математика;5;edu220001;1;Моро\n", StandardCharsets.UTF_8);
        assertThat(summary.problems().isEmpty()).isTrue();
        assertThat(summary.warnings()).containsExactly("столбец «Учебник» не относится к формату и пропущен");
    }
}
