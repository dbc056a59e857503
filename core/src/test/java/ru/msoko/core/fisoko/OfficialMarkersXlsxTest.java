package ru.msoko.core.fisoko;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.msoko.core.objectivity.OfficialMarker;
import ru.msoko.core.support.RealData;

/** The real Dagestan list of schools with objectivity markers ({@code bias.xlsx}, sheet name with a trailing space). */
class OfficialMarkersXlsxTest {

    private static Path file() {
        return RealData.require("vpr-dagestan-objectivity-markers/bias.xlsx");
    }

    @Test
    void isRecognisedByItsHeaderDespiteTheTrailingSpaceInTheSheetName() {
        assertThat(OfficialMarkersXlsx.recognises(file())).isTrue();
    }

    @Test
    void readsEverySchoolOfEachYearAsSOURCEmdCountsThem() throws Exception {
        OfficialMarkersXlsx.Summary s = OfficialMarkersXlsx.read(file(), "bias.xlsx", TestDirectory.all());

        assertThat(s.problems()).isEmpty();
        assertThat(s.unknown()).isEmpty();
        Map<Integer, Long> perYear = s.markers().stream().collect(Collectors.groupingBy(OfficialMarker::year, Collectors.counting()));
        // SOURCE.md counts rows: 2023 — 159, 2024 — 296, 2025 — 144. Every 2024 school is there twice with the same
        // markers (two copies of the source file were combined), so 2024 has 148 schools and 148 repeated rows.
        assertThat(perYear).containsExactlyInAnyOrderEntriesOf(Map.of(2023, 159L, 2024, 148L, 2025, 144L));
        assertThat(s.repeated()).isEqualTo(148);
        assertThat(s.markers()).allSatisfy(m -> assertThat(m.procedures()).matches("[45] (РУ|МА)(; [45] (РУ|МА))*"));
        assertThat(s.markers()).allSatisfy(m -> assertThat(m.schoolCode()).startsWith("edu05"));
    }

    @Test
    void unknownSchoolsAreReportedWithTheirRowNotDropped() throws Exception {
        String listed = OfficialMarkersXlsx.read(file(), "bias.xlsx", TestDirectory.all()).markers().get(0).schoolCode();
        OfficialMarkersXlsx.Summary s = OfficialMarkersXlsx.read(file(), "bias.xlsx", new TestDirectory(java.util.Set.of(listed)));

        assertThat(s.unknown()).isNotEmpty().allSatisfy(u -> {
            assertThat(u.login()).isEqualToIgnoringCase(listed);
            assertThat(u.row()).isGreaterThan(1);
            assertThat(u.municipality()).isNotBlank();
        });
        assertThat(s.markers().size() + s.unknown().size() + s.repeated()).isEqualTo(599);
    }
}
