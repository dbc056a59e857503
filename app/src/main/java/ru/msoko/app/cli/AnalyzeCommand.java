package ru.msoko.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.audit.Outcome;
import ru.msoko.app.objectivity.AnalysisService;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.objectivity.AnalysisResult;
import ru.msoko.core.objectivity.AnalysisWriter;
import ru.msoko.core.objectivity.InputFolder;
import ru.msoko.core.objectivity.ObjectivityEngine;
import ru.msoko.core.objectivity.ObjectivitySettings;
import ru.msoko.core.objectivity.Zone;

/** {@code msoko analyze}: signs of non-objective results and risk zones (DESIGN §5). */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Найти признаки необъективности результатов и зоны риска. Пишет signs.csv, risk.csv, "
                + "bunching.csv и run.properties в папку --out.")
class AnalyzeCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Option(names = "--year", paramLabel = "ГОД", description = "Год (можно несколько раз); по умолчанию все годы с данными.")
    List<Integer> years = List.of();

    @Option(names = "--input", paramLabel = "ПАПКА",
            description = "Анализировать файлы папки (schools.csv и results*.csv) без базы данных.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "ПАПКА", description = "Куда записать результаты.")
    Path out;

    @Option(names = "--set", paramLabel = "ПАРАМЕТР=ЗНАЧЕНИЕ",
            description = "Изменить порог, например --set fdr.q=0.1 (список — в docs/methods/README.md).")
    Map<String, String> overrides = Map.of();

    @Mixin
    DatabaseOptions db;

    @Override
    public Integer call() throws IOException {
        ObjectivitySettings settings;
        try {
            settings = ObjectivitySettings.defaults().with(overrides);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        AnalysisResult result;
        if (input != null) {
            if (!Files.isDirectory(input)) {
                System.err.println(input + ": папка не найдена");
                return 2;
            }
            try {
                InputFolder.Contents contents = InputFolder.read(input);
                ObjectivityEngine engine = new ObjectivityEngine(settings);
                result = years.isEmpty() ? engine.analyse(contents.data(), contents.official())
                        : engine.analyse(contents.data(), years, contents.official());
            } catch (InputException e) {
                System.err.println("Анализ не выполнен: в исходных файлах есть ошибки.");
                e.problems().stream().limit(50).forEach(p -> System.err.println("  " + p.describe()));
                return 1;
            }
        } else {
            try (ConfigurableApplicationContext ctx = SpringRunner.start(false, db, List.of())) {
                AnalysisService.Run run = ctx.getBean(AnalysisService.class)
                        .analyse(years, settings, "cli:" + System.getProperty("user.name", "unknown"));
                result = run.result();
                System.out.println("Расчёт № " + run.id() + " сохранён в базе.");
                AnalysisWriter.write(result, out);
                ctx.getBean(Auditor.class).record(Auditor.currentUser(), Auditor.What.of(Action.REPORT_DOWNLOAD,
                        "analysis_run", run.id(), "msoko analyze: signs.csv, risk.csv, bunching.csv, run.properties в "
                                + out, Outcome.OK));
            }
            print(result);
            return 0;
        }
        AnalysisWriter.write(result, out);
        print(result);
        return 0;
    }

    private static final java.util.Locale RU = java.util.Locale.forLanguageTag("ru-RU");

    private void print(AnalysisResult r) {
        System.out.println("Прочитано результатов: " + String.format(RU, "%,d", r.results())
                + " (все годы: зона года зависит от прошлых лет); отчёт за "
                + String.join(", ", r.years().stream().sorted().map(String::valueOf).toList())
                + " г.; версия методики " + r.methodVersion() + ".");
        for (int year : r.years().stream().sorted().toList()) {
            StringBuilder sb = new StringBuilder(year + " г.:");
            for (Zone z : Zone.values()) {
                long n = r.risk().stream().filter(x -> x.year() == year && x.zone() == z).count();
                sb.append(' ').append(z.label()).append(" — ").append(n).append(';');
            }
            System.out.println(sb.substring(0, sb.length() - 1));
        }
        System.out.println("Признаков: " + r.signs().size() + ". Файлы: " + out.resolve("signs.csv") + ", "
                + out.resolve("risk.csv") + ", " + out.resolve("bunching.csv") + ", " + out.resolve("run.properties"));
    }
}
