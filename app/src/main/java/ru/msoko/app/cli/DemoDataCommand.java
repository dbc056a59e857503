package ru.msoko.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.msoko.core.demo.DemoManifest;
import ru.msoko.core.demo.DemoRegionGenerator;
import ru.msoko.core.demo.DemoSettings;

/** Writes the synthetic demo region as canonical CSV files, without touching any database. */
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = "Записать демонстрационный регион в канонические CSV (schools.csv, results-*.csv).")
class DemoDataCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    HelpOptions helpOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Папка для файлов.")
    Path out;

    @Option(names = "--schools", paramLabel = "N", description = "Число школ (по умолчанию ${DEFAULT-VALUE}).",
            defaultValue = "150")
    int schools;

    @Override
    public Integer call() throws Exception {
        DemoManifest m = new DemoRegionGenerator(DemoSettings.standard().withSchools(schools)).writeTo(out);
        System.out.println("Записано в " + out.toAbsolutePath() + ": " + m.schoolsFile().getFileName() + " и "
                + m.resultFiles().size() + " файлов результатов, строк результатов: " + m.resultRows());
        return 0;
    }
}
