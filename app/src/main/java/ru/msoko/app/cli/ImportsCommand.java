package ru.msoko.app.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.audit.Outcome;
import ru.msoko.app.imports.ImportLog;
import ru.msoko.app.imports.ImportRejections;
import ru.msoko.app.imports.ImportRollback;

/** {@code msoko imports}: the import log, rollback of one import, and the problems of a rejected file as xlsx. */
@Command(name = "imports", mixinStandardHelpOptions = true,
        description = "Журнал загрузок: список загрузок и отклонённых файлов; отмена загрузки целиком (--rollback); "
                + "список ошибок отклонённого файла в xlsx (--errors … --out …).")
class ImportsCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Option(names = "--rollback", paramLabel = "N", description = "Отменить загрузку № N: удалить всё, что она сохранила.")
    Long rollback;

    @Option(names = "--errors", paramLabel = "N", description = "Выгрузить ошибки отклонённого файла № N (нужен --out).")
    Long errors;

    @Option(names = "--out", paramLabel = "FILE", description = "Куда записать xlsx с ошибками.")
    Path out;

    @Option(names = "--limit", paramLabel = "K", defaultValue = "30", description = "Сколько последних записей показать (30).")
    int limit;

    @Mixin
    DatabaseOptions db;

    @Override
    public Integer call() throws Exception {
        if (errors != null && out == null) {
            System.err.println("для --errors укажите --out ФАЙЛ.xlsx");
            return 2;
        }
        try (ConfigurableApplicationContext ctx = SpringRunner.start(false, db, List.of())) {
            if (rollback != null) {
                var outcome = ctx.getBean(ImportRollback.class).rollback(rollback,
                        "cli:" + System.getProperty("user.name", "unknown"), false);
                System.out.println(outcome.message());
                return outcome instanceof ImportRollback.Outcome.RolledBack ? 0 : 1;
            }
            if (errors != null) {
                try (OutputStream o = Files.newOutputStream(out)) {
                    if (!ctx.getBean(ImportRejections.class).writeXlsx(errors, o)) {
                        System.err.println("отклонённого файла № " + errors + " нет в журнале");
                        return 1;
                    }
                }
                System.out.println("ошибки записаны в " + out);
                ctx.getBean(Auditor.class).record(Auditor.currentUser(), Auditor.What.of(Action.PUPIL_DATA_DOWNLOAD,
                        "import_rejection", errors, "msoko imports --errors " + errors + " --out " + out, Outcome.OK));
                return 0;
            }
            print(ctx.getBean(ImportLog.class));
            return 0;
        }
    }

    private void print(ImportLog log) {
        System.out.println("Загрузки (№; когда; файл; формат; кто; строк; состояние):");
        for (ImportLog.Entry e : log.recent(limit)) {
            System.out.println("  " + e.id() + "; " + e.when() + "; " + e.fileName() + "; " + e.format() + "; "
                    + e.importedBy() + "; " + e.rowsAccepted() + "; "
                    + (e.rolledBack() ? "отменена " + e.rolledBackWhen() : "сохранена"));
        }
        System.out.println("Отклонённые файлы (№; когда; файл; кто; ошибок):");
        for (ImportLog.Rejection r : log.recentRejections(limit)) {
            System.out.println("  " + r.id() + "; " + r.when() + "; " + r.fileName() + "; " + r.attemptedBy() + "; "
                    + r.problemsTotal());
        }
    }
}
