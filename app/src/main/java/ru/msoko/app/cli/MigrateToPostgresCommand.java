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
import ru.msoko.app.backup.PostgresMove;
import ru.msoko.app.backup.TableChecksums;

/** {@code msoko migrate-to-postgres}: the embedded database of a data folder moved into an empty PostgreSQL database. */
@Command(name = "migrate-to-postgres", mixinStandardHelpOptions = true,
        description = {"Перенести встроенную базу H2 (папка --data) в пустую базу PostgreSQL с проверкой каждой строки.",
                "Flyway создаёт в PostgreSQL схему, все таблицы копируются в одной транзакции, затем число строк и "
                        + "SHA-256 каждой таблицы сравниваются с исходными; при любом расхождении перенос отменяется "
                        + "целиком. Встроенная база не меняется. Перед переносом остановите МСОКО."})
class MigrateToPostgresCommand implements Callable<Integer> {

    @Mixin
    HelpOptions helpOptions;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Папка встроенной базы и секретного ключа (по умолчанию MSOKO_DATA или ./data).")
    String data;

    @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
            description = "Пустая база PostgreSQL, например jdbc:postgresql://localhost:5432/msoko.")
    String jdbcUrl;

    @Option(names = {"--user", "--db-user"}, paramLabel = "NAME", description = "Пользователь PostgreSQL.")
    String user;

    @Option(names = {"--password", "--db-password"}, paramLabel = "PASSWORD",
            description = "Пароль PostgreSQL (по умолчанию MSOKO_DB_PASSWORD).")
    String password;

    @Override
    public Integer call() {
        Path folder = Path.of(data != null ? data : System.getenv().getOrDefault("MSOKO_DATA", "data"));
        if (!Files.isRegularFile(folder.resolve("msoko.mv.db"))) {
            System.err.println(folder.toAbsolutePath() + ": нет встроенной базы (msoko.mv.db) — переносить нечего");
            return 2;
        }
        DatabaseOptions source = new DatabaseOptions();
        source.data = folder.toString();
        String pass = password != null ? password : System.getenv("MSOKO_DB_PASSWORD");
        try (ConfigurableApplicationContext ctx = SpringRunner.start(false, source, List.of())) {
            long started = System.nanoTime();
            PostgresMove.Outcome outcome = ctx.getBean(PostgresMove.class)
                    .move(new PostgresMove.Target(jdbcUrl, user, pass), System.out::println);
            printChecks(outcome);
            if (outcome instanceof PostgresMove.Outcome.Refused) {
                System.out.println("Не перенесено: " + outcome.message());
                return 1;
            }
            System.out.println(String.format(Locale.ROOT, "Перенесено за %.1f с: %s", (System.nanoTime() - started) / 1e9,
                    outcome.message()));
            printHowToStart(folder);
            return 0;
        }
    }

    private static void printChecks(PostgresMove.Outcome outcome) {
        List<PostgresMove.TableCheck> checks = outcome.tables();
        if (checks.isEmpty()) {
            return;
        }
        System.out.println("Проверка (таблица: H2 строк, SHA-256 | PostgreSQL строк, SHA-256):");
        for (PostgresMove.TableCheck c : checks) {
            System.out.println("  " + c.table() + ": " + side(c.source()) + " | " + side(c.target()) + " — "
                    + (c.equal() ? "совпадает" : "НЕ СОВПАДАЕТ"));
        }
    }

    private static String side(TableChecksums.Digest d) {
        return d.rows() + ", " + d.sha256();
    }

    private void printHowToStart(Path folder) {
        String userPart = user != null ? " --db-user " + user : "";
        String url = jdbcUrl.replaceAll("password=[^&;]*", "password=***");
        System.out.println();
        System.out.println("Запускайте МСОКО на PostgreSQL (папку " + folder + " сохраните: в ней секретный ключ secret.key, "
                + "он нужен и с PostgreSQL):");
        System.out.println("  ./msoko serve --data " + folder + " --jdbc-url " + url + userPart + " --db-password …");
        System.out.println("или задайте MSOKO_JDBC_URL=" + url + (user != null ? ", MSOKO_DB_USER=" + user : "")
                + " и MSOKO_DB_PASSWORD и запускайте ./msoko serve --data " + folder + " как обычно.");
        System.out.println("Файл встроенной базы " + folder.resolve("msoko.mv.db") + " больше не используется; храните его "
                + "как резервную копию, пока не убедитесь, что на PostgreSQL всё работает.");
    }
}
