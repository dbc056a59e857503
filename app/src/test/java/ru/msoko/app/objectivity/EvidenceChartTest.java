package ru.msoko.app.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceChartTest {

    @Test
    void theTaskProfileOrdersTasksFromEasiestToHardestInTheRegion() {
        EvidenceChart.Chart chart = EvidenceChart.of("HARD_BETTER_THAN_EASY",
                "D_easy=-0.1|D_hard=0.2|задания=1 2 3|решаемость_ОО=0.5 0.9 0.4|решаемость_региона=0.4 0.8 0.6");

        assertThat(chart.present()).isTrue();
        assertThat(chart.rows()).extracting(r -> r.get(0)).containsExactly("2", "3", "1");
        assertThat(chart.rows().get(0)).containsExactly("2", "90,0 %", "80,0 %");
        assertThat(chart.svg()).startsWith("<svg").contains("<polyline").endsWith("</svg>");
    }

    @Test
    void labelsFromFilesAreEscapedInsideTheSvg() {
        EvidenceChart.Chart chart = EvidenceChart.of("HARD_BETTER_THAN_EASY",
                "задания=<script>x</script> 2|решаемость_ОО=0.5 0.6|решаемость_региона=0.4 0.7");

        assertThat(chart.svg()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void theHistogramDrawsOneBarPerScoreAndALinePerThreshold() {
        EvidenceChart.Chart chart = EvidenceChart.of("THRESHOLD_HEAPING",
                "шкала=«3» от 3, «4» от 5, «5» от 7|гистограмма=0 1 2 0 5 1 0 2 1");

        assertThat(chart.rows()).hasSize(9);
        assertThat(chart.svg().split("<rect", -1)).hasSize(10);
        assertThat(chart.svg().split("<line", -1)).hasSize(5); // the axis and three thresholds
    }

    @Test
    void theExpectedCurveIsDrawnOverTheBarsAndListedInTheTable() {
        EvidenceChart.Chart chart = EvidenceChart.of("THRESHOLD_HEAPING",
                "шкала=«3» от 3, «4» от 5, «5» от 7|гистограмма=0 1 2 0 5 1 0 2 1|ожидаемо=0.5 1 1.5 2.5 6.5 1 0.5 1 1");

        // By hand: the plot is 640 − 2·36 = 568 wide and 220 − 2·36 = 148 high; 9 scores → bars 568 / 9 = 63.111 wide;
        // the tallest value is the expected 6.5 (above the bar of 5), so the y scale is 148 / 6.5 per work.
        // Score 3: x = 36 + 3·63.111 + 31.556 = 256.9, y = 184 − 148·2.5 / 6.5 = 127.1;
        // score 4: x = 36 + 4·63.111 + 31.556 = 320.0, y = 184 − 148 = 36.0.
        assertThat(chart.svg()).contains("<polyline").contains("256.9,127.1 320.0,36.0");
        assertThat(chart.header()).containsExactly("Балл", "Работ", "Ожидалось");
        assertThat(chart.rows().get(3)).containsExactly("3", "0", "2,5");
        assertThat(chart.rows().get(4)).containsExactly("4", "5", "6,5");
        assertThat(chart.svg()).contains("ожидалось бы по ОО того же уровня").contains("граница отметки");
        // 9 bars and 3 legend boxes
        assertThat(chart.svg().split("<rect", -1)).hasSize(13);
    }

    @Test
    void theHistoryStripHasOneBoxPerYearColouredLikeTheRiskPage() {
        EvidenceChart.Chart chart = EvidenceChart.zones("2024:green|2025:red", 2026, "red");

        assertThat(chart.rows()).containsExactly(List.of("2024", "зелёная"), List.of("2025", "красная"),
                List.of("2026", "красная"));
        assertThat(chart.svg().split("<rect", -1)).hasSize(4);
        // the badge colours of app.css: .zone-green #e3f4e6, .zone-red #fde2e1
        assertThat(chart.svg().split("fill=\"#e3f4e6\"", -1)).hasSize(2);
        assertThat(chart.svg().split("fill=\"#fde2e1\"", -1)).hasSize(3);
        assertThat(chart.svg()).contains(">2024</text>", ">зелёная</text>").doesNotContain("<script");
    }

    @Test
    void aSchoolWithoutEarlierYearsHasOneBox() {
        EvidenceChart.Chart chart = EvidenceChart.zones("", 2026, "insufficient_data");

        assertThat(chart.rows()).containsExactly(List.of("2026", "недостаточно данных"));
    }

    @Test
    void signsWithoutAChartHaveNone() {
        assertThat(EvidenceChart.of("YEAR_JUMP", "Z=1.2").present()).isFalse();
        assertThat(EvidenceChart.of("THRESHOLD_HEAPING", "работ=3|в_окнах=20").present()).isFalse();
    }

    @Test
    void theIntervalChartPlacesTheGroupMeanOutsideTheSchoolsInterval() {
        EvidenceChart.Chart chart = EvidenceChart.of("OUTLIER_MEAN",
                "среднее=70|ди_низ=65|ди_верх=75|сжатое=68|сжатое_sd=2|группа=55|группа_описание=СОШ, город");

        assertThat(chart.present()).isTrue();
        assertThat(chart.rows()).contains(List.of("среднее группы", "55,0"), List.of("группа", "СОШ, город"));
        assertThat(chart.svg().split("<circle", -1)).hasSize(3);
    }
}
