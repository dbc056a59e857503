package ru.msoko.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;
import ru.msoko.core.demo.DetectionQuality;
import ru.msoko.core.objectivity.AnalysisResult;
import ru.msoko.core.objectivity.InputFolder;
import ru.msoko.core.objectivity.ObjectivityEngine;
import ru.msoko.core.objectivity.ObjectivitySettings;

/**
 * Detection quality on a synthetic region with planted manipulations of every kind and strength and
 * with traps: precision and recall of the red zone, false positives per trap. Run with
 * {@code bench/detection.sh [seed] [schools]}.
 */
public final class DetectionBenchmark {

    private DetectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        Path dir = Files.createTempDirectory("msoko-detection-");
        DemoManifest demo = new DemoRegionGenerator(DemoSettings.benchmark(seed, schools)).writeTo(dir);
        AnalysisResult result = new ObjectivityEngine(ObjectivitySettings.defaults())
                .analyse(InputFolder.read(dir).data(), List.of());
        System.out.println("benchmark region: seed " + seed + ", " + schools + " schools, " + demo.resultRows() + " rows");
        System.out.print(DetectionQuality.evaluate(demo.plantedFile(), result).report());
    }
}
