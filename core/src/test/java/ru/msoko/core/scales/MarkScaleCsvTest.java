package ru.msoko.core.scales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.support.RealData;

class MarkScaleCsvTest {

    private static final Map<String, String> SUBJECTS = Map.of("математика", "MA", "география", "GE",
            "русский язык", "RU", "окружающий мир", "OM", "биология", "BI", "история", "HI", "обществознание", "SO",
            "английский язык", "EN", "физика", "PH", "химия", "CH");
    private static final String HEADER = "year,grade,subject,max_primary,mark2_from,mark2_to,mark3_from,mark3_to,"
            + "mark4_from,mark4_to,mark5_from,mark5_to,source,note\n";

    @TempDir
    Path dir;

    private static Optional<String> subject(String name) {
        return Optional.ofNullable(SUBJECTS.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    private static ScaleCorrection geography8(String confirmedBy) {
        return new ScaleCorrection(ProcedureKind.VPR, 2021, "GE", 8, "", 5, 36, 40, confirmedBy,
                "опечатка в официальном описании: «5» начинается после конца «4»");
    }

    /** The real file: 34 scales, one of them (geography 8) with the overlap of the official PDF. */
    @Test
    void theRealGeography8ScaleIsRejectedWithItsBand() throws IOException {
        Path csv = RealData.require("vpr-scales-2021/vpr-2021-mark-scales.csv");

        var summary = new MarkScaleCsv(MarkScaleCsvTest::subject, List.of()).read(csv, "vpr-2021-mark-scales.csv", 100);

        assertThat(summary.problems().list()).extracting(Problem::describe).containsExactly(
                "vpr-2021-mark-scales.csv, строка 24, столбец «mark5_from»: шкала ВПР 2021, География, 8 класс: "
                        + "отметка «5» (35–40) пересекается с отметкой «4» (27–35) на балле 35");
        assertThat(summary.scales()).hasSize(33);
    }

    @Test
    void aConfirmedCorrectionMakesTheRealFileValidAndIsKeptWithTheScale() throws IOException {
        Path csv = RealData.require("vpr-scales-2021/vpr-2021-mark-scales.csv");

        var summary = new MarkScaleCsv(MarkScaleCsvTest::subject, List.of(geography8("Иванова И. И., РЦОКО")))
                .read(csv, "vpr-2021-mark-scales.csv", 100);

        assertThat(summary.problems().list()).isEmpty();
        assertThat(summary.scales()).hasSize(34);
        MarkScale geography = summary.scales().stream().filter(s -> s.subjectCode().equals("GE") && s.grade() == 8)
                .findFirst().orElseThrow();
        assertThat(geography.mark(35)).hasValue(4);
        assertThat(geography.mark(36)).hasValue(5);
        assertThat(geography.note()).endsWith("исправлено: «5» 35–40 → 36–40 (подтвердил: Иванова И. И., РЦОКО, "
                + "причина: опечатка в официальном описании: «5» начинается после конца «4»)");
        assertThat(geography.source()).contains("VPR_GG-8_OPISANIE_2021.pdf");
    }

    @Test
    void badCellsUnknownSubjectsRepeatsAndAWrongMaximumAreProblemsAtRowAndColumn() throws IOException {
        Path csv = Files.writeString(dir.resolve("scales.csv"), HEADER
                + "2021,5,Математика,20,0,6,7,10,11,14,15,20,,\n"
                + "2021,5,Математика,20,0,6,7,10,11,14,15,20,,\n"
                + "2021,5,Астрология,20,0,6,7,10,11,14,15,20,,\n"
                + "2021,6,Математика,16,0,5,6,9,10,13,14,пять,,\n"
                + "2021,7,Математика,20,0,6,7,11,12,15,16,19,,\n"
                + "2021,8,Математика,25,0,7,9,14,15,20,21,25,,\n");

        var summary = new MarkScaleCsv(MarkScaleCsvTest::subject, List.of()).read(csv, "scales.csv", 100);

        assertThat(summary.problems().list()).extracting(Problem::describe).containsExactly(
                "scales.csv, строка 3, столбец «subject»: шкала этой работы уже есть в файле (строка 2)",
                "scales.csv, строка 4, столбец «subject»: предмет «Астрология» не найден в справочнике предметов",
                "scales.csv, строка 5, столбец «mark5_to»: «пять» — не целое число",
                "scales.csv, строка 6, столбец «max_primary»: шкала ВПР 2021, Математика, 7 класс: максимальный балл 20 "
                        + "не совпадает с концом отметки «5» (19)",
                "scales.csv, строка 7, столбец «mark3_from»: шкала ВПР 2021, Математика, 8 класс: между отметкой «2» "
                        + "(0–7) и отметкой «3» (9–14) пропущен балл 8");
        assertThat(summary.scales()).hasSize(1);
    }

    @Test
    void readsCorrectionsAndRefusesUnconfirmedOnes() throws IOException {
        Path csv = Files.writeString(dir.resolve("corrections.csv"), """
                year;grade;subject;mark;from;to;confirmed_by;reason
                2021;8;География;5;36;40;Иванова И. И.;опечатка в PDF
                2021;8;География;5;36;40;;опечатка в PDF
                """);

        var summary = new ScaleCorrectionCsv(MarkScaleCsvTest::subject).read(csv, "corrections.csv", 100);

        assertThat(summary.corrections()).containsExactly(new ScaleCorrection(ProcedureKind.VPR, 2021, "GE", 8, "", 5,
                36, 40, "Иванова И. И.", "опечатка в PDF"));
        assertThat(summary.problems().list()).extracting(Problem::describe).containsExactly(
                "corrections.csv, строка 3, столбец «confirmed_by»: исправление шкалы должно быть подтверждено: "
                        + "укажите, кто его подтвердил (confirmed_by) и почему (reason)");
        assertThat(MarkScaleCsv.recognises(List.of(HEADER.trim().split(",")))).isTrue();
        assertThat(ScaleCorrectionCsv.recognises(List.of("year", "grade", "subject", "mark", "from", "to",
                "confirmed_by", "reason"))).isTrue();
    }
}
