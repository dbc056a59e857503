package ru.msoko.core.gia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.Problem;

/** The three-level header of data-formats §2.2, written as a real workbook with merged cells. */
class RegionalEgeSummaryXlsxTest {

    static final List<String> INDICATORS = List.of("приняли участие", "не преодолели минимальный порог",
            "высокобалльники 80–99", "100 баллов", "средний балл");

    @TempDir
    Path dir;

    /**
     * Title row, then level 1 (fixed columns merged down over three rows, «из них» merged across the subjects),
     * level 2 (each subject merged across its indicators), level 3 (indicators), then the schools. Municipality and
     * school are written only in the first row of their group; «Всего» rows are there to be dropped.
     */
    static Path write(Path file, List<List<Object>> data) throws Exception {
        return write(file, data, INDICATORS);
    }

    static Path write(Path file, List<List<Object>> data, List<String> indicators) throws Exception {
        int k = indicators.size();
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "msoko-test", "1.0");
            Worksheet ws = wb.newWorksheet("ЕГЭ по ОО");
            ws.value(0, 0, "Результаты ЕГЭ 2024 года по образовательным организациям");
            List<String> fixed = List.of("Муниципалитет", "Образовательная организация", "Профиль",
                    "Всего выпускников, чел.");
            for (int c = 0; c < fixed.size(); c++) {
                ws.value(1, c, fixed.get(c));
                ws.range(1, c, 3, c).merge();
            }
            ws.value(1, 4, "из них");
            ws.range(1, 4, 1, 3 + 2 * k).merge();
            ws.value(2, 4, "Русский язык");
            ws.range(2, 4, 2, 3 + k).merge();
            ws.value(2, 4 + k, "Математика (профильная)");
            ws.range(2, 4 + k, 2, 3 + 2 * k).merge();
            for (int i = 0; i < 2 * k; i++) {
                ws.value(3, 4 + i, indicators.get(i % k));
            }
            for (int r = 0; r < data.size(); r++) {
                List<Object> row = data.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (row.get(c) instanceof Number n) {
                        ws.value(4 + r, c, n);
                    } else if (row.get(c) != null) {
                        ws.value(4 + r, c, row.get(c).toString());
                    }
                }
            }
            wb.finish();
        }
        return file;
    }

    static final List<List<Object>> DATA = List.of(
            Arrays.asList("Северский округ", "МБОУ \"СОШ № 1\"", "универсальный", 40, 40, 1, 5, 1, 70.5, 20, 2, 3, 0, 60),
            Arrays.asList(null, null, "технологический", 20, 20, 0, 2, 0, 74.1, 20, 0, 4, 1, 72),
            Arrays.asList(null, "МАОУ \"Гимназия № 2\"", null, 30, 30, 0, 10, 2, 80, 25, 1, 6, 0, 66.2),
            Arrays.asList("Всего по Северскому округу", null, null, 90, 90, 1, 17, 3, 74.9, 65, 3, 13, 1, 66.1),
            Arrays.asList("Каменский район", "МКОУ \"Берёзовская ООШ\"", null, 5, 5, 1, 0, 0, 55),
            Arrays.asList("Всего", null, null, 95, 95, 2, 17, 3, 74, 65, 3, 13, 1, 66.1));

    @Test
    void readsTheThreeLevelHeaderFillsDownDropsTotalsAndCombinesProfiles() throws Exception {
        Path file = write(dir.resolve("svod.xlsx"), DATA);
        assertThat(RegionalEgeSummaryXlsx.recognises(file)).isTrue();

        ExamSchoolSummary.Summary s = RegionalEgeSummaryXlsx.read(file, "svod.xlsx");

        assertThat(s.problems()).isEmpty();
        assertThat(s.sheet()).isEqualTo("ЕГЭ по ОО");
        assertThat(s.subjectRow()).isEqualTo(3);
        // school 1 × 2 subjects (two profile rows combined), gymnasium × 2, Берёзовская × Russian only: 5
        assertThat(s.rows()).extracting(r -> r.name() + " / " + r.subject() + " / " + r.year()).containsExactly(
                "МБОУ \"СОШ № 1\" / Русский язык / 2024", "МБОУ \"СОШ № 1\" / Математика (профильная) / 2024",
                "МАОУ \"Гимназия № 2\" / Русский язык / 2024", "МАОУ \"Гимназия № 2\" / Математика (профильная) / 2024",
                "МКОУ \"Берёзовская ООШ\" / Русский язык / 2024");
        ExamSchoolSummary.SchoolRow first = s.rows().get(0);
        assertThat(first.row()).isEqualTo(5);
        assertThat(first.identifier()).isEqualTo("МБОУ \"СОШ № 1\"");
        assertThat(first.identifierColumn()).isEqualTo("Образовательная организация");
        assertThat(first.municipality()).isEqualTo("Северский округ");
        ExamSchoolSummary.Measures ru = first.measures();
        // 40 + 20 participants; mean (70.5·40 + 74.1·20) / 60 = 4302 / 60 = 71.7
        assertThat(ru.participants()).isEqualTo(60);
        assertThat(ru.graduates()).isEqualTo(60);
        assertThat(ru.belowMinimum()).isEqualTo(1);
        assertThat(ru.highScorers()).isEqualTo(7);
        assertThat(ru.hundred()).isEqualTo(1);
        assertThat(ru.meanScore()).isCloseTo(71.7, within(1e-9));
        // (60·20 + 72·20) / 40 = 66
        assertThat(s.rows().get(1).measures().meanScore()).isCloseTo(66.0, within(1e-9));
        assertThat(s.rows().get(2).measures()).isEqualTo(new ExamSchoolSummary.Measures(30, null, 30, 0, 10, 2, 80.0,
                null, null));
        assertThat(s.rows().get(4).municipality()).isEqualTo("Каменский район");
        assertThat(s.warnings()).containsExactly("строк «Всего»/«Итого» пропущено: 2",
                "ОО встречается в нескольких строках (по профилям): строки сложены, средний балл взвешен по числу "
                        + "участников; сложено строк: 2");
    }

    @Test
    void aBadValueIsAProblemAtSheetRowAndTheColumnNamedBySubjectAndIndicator() throws Exception {
        Path file = write(dir.resolve("svod-2024.xlsx"), List.of(
                Arrays.asList("Северский округ", "СОШ № 1", null, 40, 40, 41, 5, 1, "н/д")));

        ExamSchoolSummary.Summary s = RegionalEgeSummaryXlsx.read(file, "svod-2024.xlsx");

        assertThat(s.problems()).extracting(Problem::describe).containsExactly(
                "svod-2024.xlsx, лист «ЕГЭ по ОО», строка 5, столбец «Русский язык: средний балл»: «н/д» — не число",
                "svod-2024.xlsx, лист «ЕГЭ по ОО», строка 5, столбец «Русский язык: не преодолели минимальный порог»: "
                        + "значение 41 больше числа участников (40)");
    }

    /** The preliminary summary has one indicator per subject, «выбрали предмет, чел.» (data-formats §2.2). */
    @Test
    void thePreliminarySummaryGivesWhoChoseEachSubject() throws Exception {
        Path file = write(dir.resolve("pre.xlsx"), List.of(
                Arrays.asList("Северский округ", "СОШ № 1", null, 40, 38, 12),
                Arrays.asList(null, "Гимназия № 2", null, 30, 30, 21)), List.of("выбрали предмет, чел."));

        ExamSchoolSummary.Summary s = RegionalEgeSummaryXlsx.read(file, "pre.xlsx");

        assertThat(s.problems()).isEmpty();
        assertThat(s.rows()).extracting(r -> r.name() + " " + r.subject() + " " + r.measures().chose() + " "
                + r.measures().participants()).containsExactly("СОШ № 1 Русский язык 38 null",
                "СОШ № 1 Математика (профильная) 12 null", "Гимназия № 2 Русский язык 30 null",
                "Гимназия № 2 Математика (профильная) 21 null");
    }

    @Test
    void aWorkbookWithoutTheHeaderIsNotThisLayout() throws Exception {
        Path file = ru.msoko.core.fisoko.Xlsx.book().sheet("Лист1", List.of(List.of("Муниципалитет", "ОО", "Балл")))
                .write(dir.resolve("other.xlsx"));
        assertThat(RegionalEgeSummaryXlsx.recognises(file)).isFalse();
    }
}
