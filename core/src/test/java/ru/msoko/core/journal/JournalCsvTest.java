package ru.msoko.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.privacy.Pseudonymizer;

class JournalCsvTest {

    @TempDir
    Path dir;

    private final Pseudonymizer pseudonymizer = new Pseudonymizer("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));

    private Path write(String name, String text, Charset cs) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, cs);
        return f;
    }

    @Test
    void perPupilMarksAreCountedByClassAndTheNamesOnlyPassThroughThePseudonymizer() throws Exception {
        // cp1251 with Russian headers, as Excel saves it; 7 lines: 5А gets 5, 4, 4, «н/а»; 5Б gets 3; 5А physics 2
        Path file = write("journal.csv", """
                Код ОО;Учебный год;Период;Класс;Ученик;Предмет;Отметка
                edu220001;2024-2025;1 четверть;5А;Иванов Пётр;Математика;5
                edu220001;2024-2025;1 четверть;5 "а";Петрова Анна;Математика;4
                edu220001;2024-2025;1 четверть;5А;Сидоров Иван;Математика;4
                edu220001;2024-2025;1 четверть;5А;Орлова Мария;Математика;н/а
                edu220001;2024-2025;1 четверть;5Б;Козлов Олег;Математика;3
                edu220001;2024-2025;1 четверть;5А;Иванов Пётр;Физика;2
                """, Charset.forName("windows-1251"));
        List<String> seen = new ArrayList<>();

        JournalCsv.Summary s = JournalCsv.read(file, "journal.csv", v -> {
            seen.add(v);
            return pseudonymizer.key(v);
        }, 100);

        assertThat(s.problems().isEmpty()).isTrue();
        assertThat(s.layout()).isEqualTo(JournalCsv.Layout.PUPILS);
        assertThat(s.rows()).isEqualTo(6);
        assertThat(s.withoutMark()).isEqualTo(1);
        assertThat(s.distributions()).extracting(d -> d.classLabel() + " " + d.subject() + " " + d.period() + " "
                + d.year() + " " + java.util.Arrays.toString(d.counts())).containsExactly(
                "5А Математика 1 четверть 2025 [0, 0, 2, 1]",
                "5Б Математика 1 четверть 2025 [0, 1, 0, 0]",
                "5А Физика 1 четверть 2025 [1, 0, 0, 0]");
        assertThat(s.distributions().get(0).row()).isEqualTo(2);
        assertThat(s.schoolColumn()).isEqualTo("Код ОО");
        // the name reaches nothing but the pseudonymizer, inside «school|year|name»
        assertThat(seen).contains("edu220001|2025|Иванов Пётр");
        assertThat(s.toString()).doesNotContain("Иванов").doesNotContain("Петрова");
    }

    @Test
    void aPupilTwiceAMarkOutsideTwoToFiveAndAClassWithoutNumberAreProblems() throws Exception {
        Path file = write("bad.csv", """
                school_code;year;period;class;pupil;subject;mark
                edu220001;2025;1 четверть;5А;Иванов Пётр;Математика;5
                edu220001;2025;1 четверть;5А;ИВАНОВ  ПЕТР;Математика;4
                edu220001;2025;1 четверть;5А;Петрова Анна;Математика;1
                edu220001;2025;1 четверть;А;Сидоров Иван;Математика;3
                edu220001;2025;1 четверть;5А;Орлова Мария;Математика;отлично
                """, StandardCharsets.UTF_8);

        JournalCsv.Summary s = JournalCsv.read(file, "bad.csv", pseudonymizer::key, 100);

        assertThat(s.problems().list()).extracting(Problem::describe).containsExactly(
                "bad.csv, строка 3, столбец «pupil»: у этого ученика отметка по этому предмету за этот период уже есть в строке 2",
                "bad.csv, строка 4, столбец «mark»: отметка 1 не входит в распределение 2–5: исправьте на 2 или оставьте пустой",
                "bad.csv, строка 5, столбец «class»: класс «А»: ожидается номер и буква, например 5А",
                "bad.csv, строка 6, столбец «mark»: «отлично» — не отметка: ожидается 2, 3, 4, 5 или «нет отметки»");
        assertThat(s.problems().list()).extracting(Problem::message).noneMatch(m -> m.contains("Иванов"));
    }

    @Test
    void aggregatedDistributionsAreReadAsTheyAre() throws Exception {
        Path file = write("marks.csv", """
                school_code,year,period,class,subject,n2,n3,n4,n5
                edu220001,2025,год,5А,Математика,1,8,10,6
                edu220002,2025,год,5А,Математика,0,3,12,9
                edu220002,2025,год,5а,Математика,0,3,12,9
                edu220002,2025,год,5Б,Математика,0,-3,12,9
                """, StandardCharsets.UTF_8);

        JournalCsv.Summary s = JournalCsv.read(file, "marks.csv", pseudonymizer::key, 100);

        assertThat(s.layout()).isEqualTo(JournalCsv.Layout.DISTRIBUTION);
        assertThat(s.distributions()).hasSize(2);
        assertThat(s.distributions().get(0).counts()).containsExactly(1, 8, 10, 6);
        assertThat(s.problems().list()).extracting(Problem::describe).containsExactly(
                "marks.csv, строка 4, столбец «class»: класс «5А» по этому предмету и периоду уже есть в строке 3",
                "marks.csv, строка 5, столбец «n3»: «-3» — не целое число");
    }

    @Test
    void headersOfNeitherLayoutAreRecognisedAsNeither() throws Exception {
        assertThat(JournalCsv.recognise(List.of("school_code", "year", "period", "class", "subject"))).isEmpty();
        assertThat(JournalCsv.recognise(List.of("procedure", "participant", "mark"))).isEmpty();
        Path file = write("x.csv", "school_code;year;mark\nedu220001;2025;5\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JournalCsv.read(file, "x.csv", pseudonymizer::key, 100))
                .isInstanceOf(InputException.class).hasMessageContaining("x.csv, строка 1: заголовок не похож");
    }
}
