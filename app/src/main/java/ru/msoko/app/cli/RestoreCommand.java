package ru.msoko.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import ru.msoko.app.backup.Restore;

/** {@code msoko restore FILE}: all or nothing, checked table by table against the copy's checksums. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Восстановить базу данных из резервной копии (копия H2 восстанавливается и в PostgreSQL, и "
                + "наоборот). Всё в одной транзакции: при любой ошибке база данных остаётся прежней.")
class RestoreCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Parameters(index = "0", paramLabel = "ФАЙЛ", description = "Резервная копия (zip), сделанная msoko backup.")
    Path file;

    @Option(names = "--replace", description = "Заменить данные непустой базы копией (без этого восстановление "
            + "выполняется только в пустую базу).")
    boolean replace;

    @Mixin
    DatabaseOptions db;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            System.err.println(file + ": файл не найден");
            return 2;
        }
        try (ConfigurableApplicationContext ctx = SpringRunner.start(false, db, List.of())) {
            long started = System.nanoTime();
            Restore.Outcome outcome = ctx.getBean(Restore.class).restore(file, replace,
                    table -> System.out.println("  " + table));
            if (outcome instanceof Restore.Outcome.Refused) {
                System.out.println("Не восстановлено: " + outcome.message());
                return 1;
            }
            System.out.println(outcome.message());
            System.out.println(String.format(Locale.ROOT, "Время: %.1f с. Если МСОКО запущена, перезапустите её.",
                    (System.nanoTime() - started) / 1e9));
            return 0;
        }
    }
}
