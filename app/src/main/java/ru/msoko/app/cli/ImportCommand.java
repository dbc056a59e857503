package ru.msoko.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportService;
import ru.msoko.core.canonical.Problem;

/** {@code msoko import FILE…}: each file is one transaction; a rejected file changes nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Загрузить файлы: schools.csv (справочник школ), results.csv (результаты), файлы ВПР из "
                + "ФИС ОКО (xlsx), шкалы перевода баллов в отметки, исправления шкал и шкалы ГИА (CSV). Формат определяется по "
                + "содержимому. Каждый файл загружается целиком или не загружается совсем.")
class ImportCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    HelpOptions helpOptions;

    private static final int SHOWN_PROBLEMS = 50;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Файлы для загрузки.")
    List<Path> files = List.of();

    @Option(names = "--create-missing",
            description = "Создавать неизвестные школы и предметы вместо отказа (школы — в муниципалитете --municipality).")
    boolean createMissing;

    @Option(names = "--municipality", paramLabel = "CODE", description = "Муниципалитет для создаваемых школ.")
    String municipality;

    @Option(names = "--skip-invalid-rows",
            description = "Файл результатов, в котором ошибки только в отдельных строках, загрузить без этих строк; "
                    + "их список сохраняется в журнале отклонённых файлов (xlsx).")
    boolean skipInvalidRows;

    @Option(names = "--codifiers", paramLabel = "DIR",
            description = "Загрузить описания работ ВПР (кодификаторы) из папки [<год>/]<класс>/<предмет>/ALL.xlsx "
                    + "(с KS.xlsx и KT.xlsx) как справочные данные — до файлов, которым они нужны (выгрузки "
                    + "«Проведение работы»).")
    Path codifiers;

    @Option(names = "--year", paramLabel = "YEAR",
            description = "Год описаний работ из --codifiers, если папки не названы годом.")
    Integer year;

    @Mixin
    DatabaseOptions db;

    @Override
    public Integer call() {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                System.err.println(f + ": файл не найден");
                return 2;
            }
        }
        if (codifiers != null && !Files.isDirectory(codifiers)) {
            System.err.println(codifiers + ": папка не найдена");
            return 2;
        }
        if (files.isEmpty() && codifiers == null) {
            System.err.println("укажите файлы для загрузки или папку --codifiers");
            return 2;
        }
        try (ConfigurableApplicationContext ctx = SpringRunner.start(false, db, List.of())) {
            ImportService service = ctx.getBean(ImportService.class);
            String user = "cli:" + System.getProperty("user.name", "unknown");
            boolean allStored = true;
            if (codifiers != null) {
                ImportOutcome outcome = service.importCodifiers(codifiers, year, user);
                print(outcome);
                if (outcome instanceof ImportOutcome.Rejected) {
                    return 1;
                }
            }
            for (Path f : files) {
                ImportOutcome outcome = service.importFile(f, f.getFileName().toString(), user,
                        new ImportOptions(createMissing, municipality, skipInvalidRows));
                print(outcome);
                allStored &= !(outcome instanceof ImportOutcome.Rejected);
            }
            return allStored ? 0 : 1;
        }
    }

    static void print(ImportOutcome outcome) {
        System.out.println(outcome.summary());
        if (outcome instanceof ImportOutcome.Imported imported) {
            imported.warnings().forEach(w -> System.out.println("  предупреждение: " + w));
        }
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            List<Problem> problems = rejected.problems();
            problems.stream().limit(SHOWN_PROBLEMS).forEach(p -> System.out.println("  " + p.describe()));
            if (rejected.totalProblems() > SHOWN_PROBLEMS) {
                System.out.println("  … и ещё " + (rejected.totalProblems() - SHOWN_PROBLEMS) + " ошибок");
            }
        }
    }
}
