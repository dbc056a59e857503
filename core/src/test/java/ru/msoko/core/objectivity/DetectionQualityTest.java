package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;
import ru.msoko.core.demo.DetectionQuality;

/**
 * The engine on a synthetic region with planted manipulations and traps (a smaller twin of
 * {@code bench/detection.sh}): what the red zone holds must be mostly planted, honest strong schools
 * must stay out of it, and the same data must always give the same signs.
 */
class DetectionQualityTest {

    @TempDir
    static Path dir;
    static DemoManifest demo;
    static AnalysisData data;
    static AnalysisResult result;

    @BeforeAll
    static void analyse() throws Exception {
        demo = new DemoRegionGenerator(DemoSettings.benchmark(7, 250)).writeTo(dir);
        data = InputFolder.read(dir).data();
        result = new ObjectivityEngine(ObjectivitySettings.defaults()).analyse(data, List.of());
    }

    @Test
    void theRedZoneIsMostlyPlantedManipulation() throws Exception {
        DetectionQuality q = DetectionQuality.evaluate(demo.plantedFile(), result);

        assertThat(q.precision()).as(q.report()).isGreaterThanOrEqualTo(0.9);
        assertThat(q.recall("BLATANT")).as(q.report()).isGreaterThanOrEqualTo(0.7);
    }

    @Test
    void honestStrongSchoolsAndTinySchoolsAreNeverRed() throws Exception {
        DetectionQuality q = DetectionQuality.evaluate(demo.plantedFile(), result);

        assertThat(q.traps().get("STRONG_GYMNASIUM").red()).as(q.report()).isZero();
        assertThat(q.traps().get("TINY_SCHOOL").red()).as(q.report()).isZero();
    }

    @Test
    void theSameDataGiveTheSameSignsAndZones() {
        AnalysisResult again = new ObjectivityEngine(ObjectivitySettings.defaults()).analyse(data, List.of());

        assertThat(again.signs()).isEqualTo(result.signs());
        assertThat(again.risk()).isEqualTo(result.risk());
    }

    @Test
    void aStricterSettingGivesFewerSignsAndLeavesTheEarlierRunUntouched() {
        List<Sign> before = List.copyOf(result.signs());
        AnalysisResult strict = new ObjectivityEngine(ObjectivitySettings.defaults().with(Parameter.FDR_Q, 0.001))
                .analyse(data, List.of());

        assertThat(strict.signs().size()).isLessThan(result.signs().size());
        assertThat(strict.settings().get(Parameter.FDR_Q)).isEqualTo(0.001);
        assertThat(result.signs()).isEqualTo(before);
        assertThat(result.settings().get(Parameter.FDR_Q)).isEqualTo(0.05);
    }

    @Test
    void everyRedSchoolHasAPlainRussianReason() {
        assertThat(result.risk()).filteredOn(r -> r.zone() == Zone.RED).isNotEmpty()
                .allSatisfy(r -> assertThat(r.explanation()).startsWith("Красная зона").contains(" г. — ")
                        .contains("не вывод о необъективности"));
    }
}
