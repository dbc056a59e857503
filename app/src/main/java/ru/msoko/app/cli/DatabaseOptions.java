package ru.msoko.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the data lives: the embedded database folder, or a PostgreSQL server. */
class DatabaseOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Папка встроенной базы данных и секретного ключа (по умолчанию MSOKO_DATA или ./data).")
    String data;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Подключение к PostgreSQL, например jdbc:postgresql://localhost:5432/msoko "
                    + "(по умолчанию MSOKO_JDBC_URL; без него — встроенная база H2).")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "NAME", description = "Пользователь базы данных (MSOKO_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Пароль базы данных (MSOKO_DB_PASSWORD).")
    String password;

    /** Spring arguments (highest precedence) for the options given. */
    List<String> springArgs() {
        List<String> args = new ArrayList<>();
        if (data != null) {
            args.add("--msoko.data=" + data);
        }
        if (jdbcUrl != null) {
            args.add("--spring.datasource.url=" + jdbcUrl);
        }
        if (user != null) {
            args.add("--spring.datasource.username=" + user);
        }
        if (password != null) {
            args.add("--spring.datasource.password=" + password);
        }
        return args;
    }
}
