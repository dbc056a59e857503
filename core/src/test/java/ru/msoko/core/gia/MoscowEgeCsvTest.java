package ru.msoko.core.gia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.support.RealData;

class MoscowEgeCsvTest {

    static final String REAL = "moscow-ege-by-school-2016/data-9722-2016-10-31.csv";

    @TempDir
    Path dir;

    /**
     * Expected numbers computed independently with Python's csv module:
     * {@code rows = list(csv.reader(open(f, encoding='utf-8'), delimiter=';'))[1:]} → 626 rows, every one with 14
     * fields (the trailing «;»), 626 distinct OGRN, sum(PASSED_NUMBER_FULL) = 66461, sum(PASSES_OVER_220) = 15920,
     * sum(PASSER_UNDER_160) = 34225, 10 distinct AdmArea, YEAR always «2015-2016».
     */
    @Test
    void readsTheRealMoscowFileWithItsQuotesTrailingSeparatorAndMisnamedColumn() throws Exception {
        Path file = RealData.require(REAL);
        List<String> header = List.of(Files.readAllLines(file, StandardCharsets.UTF_8).get(0).replace("\"", "").split(";"));
        assertThat(MoscowEgeCsv.recognises(header)).isTrue();

        ExamSchoolSummary.Summary s = MoscowEgeCsv.read(file, "data-9722-2016-10-31.csv", 1000);

        assertThat(s.problems()).isEmpty();
        assertThat(s.rows()).hasSize(626);
        assertThat(s.rows().stream().map(ExamSchoolSummary.SchoolRow::identifier).distinct()).hasSize(626);
        assertThat(s.rows().stream().mapToInt(r -> r.measures().participants()).sum()).isEqualTo(66461);
        assertThat(s.rows().stream().mapToInt(r -> r.measures().atLeast220()).sum()).isEqualTo(15920);
        assertThat(s.rows().stream().mapToInt(r -> r.measures().atLeast160()).sum()).isEqualTo(34225);
        assertThat(s.rows().stream().map(ExamSchoolSummary.SchoolRow::municipality).distinct()).hasSize(10);
        assertThat(s.rows()).allSatisfy(r -> {
            assertThat(r.year()).isEqualTo(2016);
            assertThat(r.subject()).isNull();
        });
        ExamSchoolSummary.SchoolRow first = s.rows().get(0);
        assertThat(first.row()).isEqualTo(2);
        assertThat(first.identifier()).isEqualTo("1027700566761");
        assertThat(first.identifierColumn()).isEqualTo("OGRN");
        assertThat(first.municipality()).isEqualTo("Северный административный округ");
        assertThat(first.name()).endsWith("(средняя общеобразовательная школа № 179)");
        assertThat(first.measures()).isEqualTo(new ExamSchoolSummary.Measures(null, null, 109, null, null, null, null,
                101, 80));
    }

    @Test
    void aRowBreakingTheOrderOfTheCountsOrWithoutNumbersIsAProblemAtRowAndColumn() throws Exception {
        Path file = dir.resolve("ege.csv");
        Files.writeString(file, """
                "AdmArea";"EDU_NAME";"OGRN";"PASSED_NUMBER_FULL";"PASSES_OVER_220";"PASSER_UNDER_160";"YEAR";
                "ЦАО";"Школа № 1";"1027700000001";"50";"10";"20";"2015-2016";
                "ЦАО";"Школа № 2";"1027700000002";"50";"30";"20";"2015-2016";
                "ЦАО";"Школа № 3";"1027700000003";"много";"1";"2";"2015-2016";
                "ЦАО";"Школа № 1";"1027700000001";"50";"10";"20";"2015/16";
                """, StandardCharsets.UTF_8);

        ExamSchoolSummary.Summary s = MoscowEgeCsv.read(file, "ege.csv", 1000);

        assertThat(s.rows()).hasSize(1);
        assertThat(s.problems()).extracting(Problem::describe).containsExactly(
                "ege.csv, строка 3, столбец «PASSES_OVER_220»: набравших не менее 220 баллов (30) больше, чем набравших не менее 160 (20)",
                "ege.csv, строка 4, столбец «PASSED_NUMBER_FULL»: «много» — не целое число",
                "ege.csv, строка 5, столбец «OGRN»: ОО с ОГРН «1027700000001» за 2016 год уже есть в строке 2");
    }
}
