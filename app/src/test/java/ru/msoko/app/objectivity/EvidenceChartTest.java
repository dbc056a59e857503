package ru.msoko.app.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.msoko.app.charts.ChartModel;

/** The chart models read from a sign's stored evidence; the expected numbers come from the strings by hand. */
class EvidenceChartTest {

    @Test
    void theTaskProfileOrdersTasksFromEasiestToHardestInTheRegion() {
        EvidenceChart.Chart chart = EvidenceChart.of("HARD_BETTER_THAN_EASY",
                "D_easy=-0.1|D_hard=0.2|задания=1 2 3|решаемость_ОО=0.5 0.9 0.4|решаемость_региона=0.4 0.8 0.6");

        assertThat(chart.present()).isTrue();
        assertThat(chart.model().categories()).containsExactly("2", "3", "1");
        assertThat(chart.rows()).extracting(r -> r.get(0)).containsExactly("2", "3", "1");
        assertThat(chart.rows().get(0)).containsExactly("2", "90,0\u00A0%", "80,0\u00A0%");
        assertThat(chart.model().series()).extracting(ChartModel.Series::name).containsExactly("ОО", "регион");
    }

    @Test
    void theHistogramHasOneBarPerScoreAndAMarkPerThreshold() {
        EvidenceChart.Chart chart = EvidenceChart.of("THRESHOLD_HEAPING",
                "шкала=«3» от 3, «4» от 5, «5» от 7|гистограмма=0 1 2 0 5 1 0 2 1");

        assertThat(chart.rows()).hasSize(9);
        assertThat(chart.model().series()).hasSize(1);
        assertThat(chart.model().series().get(0).values()).hasSize(9);
        assertThat(chart.model().marks()).extracting(ChartModel.Mark::at).containsExactly(3.0, 5.0, 7.0);
        assertThat(chart.header()).containsExactly("Балл", "Работ");
    }

    @Test
    void theExpectedCurveIsASecondSeriesAndATableColumn() {
        EvidenceChart.Chart chart = EvidenceChart.of("THRESHOLD_HEAPING",
                "шкала=«3» от 3, «4» от 5, «5» от 7|гистограмма=0 1 2 0 5 1 0 2 1|ожидаемо=0.5 1 1.5 2.5 6.5 1 0.5 1 1");

        assertThat(chart.model().series().get(1).type()).isEqualTo("line");
        assertThat(chart.model().series().get(1).values()).containsExactly(0.5, 1.0, 1.5, 2.5, 6.5, 1.0, 0.5, 1.0, 1.0);
        assertThat(chart.header()).containsExactly("Балл", "Работ", "Ожидалось");
        assertThat(chart.rows().get(3)).containsExactly("3", "0", "2,5");
        assertThat(chart.rows().get(4)).containsExactly("4", "5", "6,5");
    }

    @Test
    void theHistoryHasOneBarPerYearColouredLikeTheRiskPage() {
        EvidenceChart.Chart chart = EvidenceChart.zones("2024:green|2025:red", 2026, "red");

        assertThat(chart.rows()).containsExactly(List.of("2024", "зелёная"), List.of("2025", "красная"),
                List.of("2026", "красная"));
        // the badge colours of app.css: .zone-green #e3f4e6, .zone-red #fde2e1
        assertThat(chart.model().series().get(0).colours()).containsExactly("#e3f4e6", "#fde2e1", "#fde2e1");
        assertThat(chart.model().description()).contains("2024 — зелёная, 2025 — красная, 2026 — красная");
    }

    @Test
    void aSchoolWithoutEarlierYearsHasOneBar() {
        EvidenceChart.Chart chart = EvidenceChart.zones("", 2026, "insufficient_data");

        assertThat(chart.rows()).containsExactly(List.of("2026", "недостаточно данных"));
    }

    @Test
    void signsWithoutAChartHaveNone() {
        assertThat(EvidenceChart.of("YEAR_JUMP", "Z=1.2").present()).isFalse();
        assertThat(EvidenceChart.of("THRESHOLD_HEAPING", "работ=3|в_окнах=20").present()).isFalse();
        assertThat(EvidenceChart.of("OUTLIER_MEAN", "среднее=70").present()).isFalse();
        assertThat(EvidenceChart.of("THRESHOLD_HEAPING", "гистограмма=1 x 2").present()).as("a broken number").isFalse();
    }

    @Test
    void theJournalSharesAreTheSchoolsCountsOverItsParticipants() {
        EvidenceChart.Chart chart = EvidenceChart.of("JOURNAL_INFLATED",
                "понизили=6|подтвердили=10|повысили=4|регион_понизили=0.2|регион_подтвердили=0.7|регион_повысили=0.1");

        // 6 + 10 + 4 = 20 participants: 30 %, 50 %, 20 %
        assertThat(chart.model().series()).extracting(s -> s.values().get(0)).containsExactly(0.3, 0.5, 0.2);
        assertThat(chart.model().series()).extracting(s -> s.values().get(1)).containsExactly(0.2, 0.7, 0.1);
        assertThat(chart.model().categories()).containsExactly("ОО", "регион");
    }

    @Test
    void theIntervalChartPlacesTheGroupMeanAsAMark() {
        EvidenceChart.Chart chart = EvidenceChart.of("OUTLIER_MEAN",
                "среднее=70|ди_низ=65|ди_верх=75|сжатое=68|сжатое_sd=2|группа=55|группа_описание=СОШ, город");

        assertThat(chart.present()).isTrue();
        assertThat(chart.rows()).contains(List.of("среднее группы", "55,0"), List.of("группа", "СОШ, город"));
        assertThat(chart.model().marks()).extracting(ChartModel.Mark::at).containsExactly(55.0);
        assertThat(chart.model().series().get(0).values()).containsExactly(65.0, 75.0);
        assertThat(chart.model().series().get(2).values()).isEqualTo(Arrays.asList(null, 68.0));
    }

    @Test
    void theDownloadNameKeepsLettersAndDigitsOnly() {
        ChartModel named = EvidenceChart.zones("", 2026, "red").model().named("edu1", "Иностранный язык (англ.)/2", 5);

        assertThat(named.file()).isEqualTo("edu1-Иностранный-язык-англ-2-5");
    }
}
