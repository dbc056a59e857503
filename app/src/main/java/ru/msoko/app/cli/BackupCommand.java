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
import ru.msoko.app.backup.Backup;

/** {@code msoko backup --out FILE}: a consistent copy of every table while the application keeps running. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Сделать резервную копию базы данных (H2 или PostgreSQL) в zip-файл, не останавливая МСОКО. "
                + "Секретный ключ secret.key в копию не входит: храните его отдельно.")
class BackupCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Option(names = "--out", required = true, paramLabel = "ФАЙЛ", description = "Куда записать копию (zip).")
    Path out;

    @Mixin
    DatabaseOptions db;

    @Override
    public Integer call() {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            System.err.println(parent + ": папка не найдена");
            return 2;
        }
        try (ConfigurableApplicationContext ctx = SpringRunner.start(false, db, List.of())) {
            long started = System.nanoTime();
            Backup.Summary s = ctx.getBean(Backup.class).write(out, table -> System.out.println("  " + table));
            System.out.println("Резервная копия записана: " + s.file() + " (" + String.format(Locale.ROOT, "%.1f",
                    s.bytes() / 1048576.0) + " МБ; таблиц " + s.tables() + ", строк " + s.rows() + "; версия схемы "
                    + s.schemaVersion() + "; " + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9)
                    + " с).");
            System.out.println("Секретный ключ псевдонимизации в копию НЕ входит. Он лежит в " + s.secretKey()
                    + " — храните его копию отдельно от резервной копии базы (без него новые загрузки дадут участникам "
                    + "другие псевдонимы).");
            return 0;
        }
    }
}
