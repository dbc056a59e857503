package ru.msoko.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import ru.msoko.app.demo.DemoLoader;
import ru.msoko.app.system.DatabaseKind;

/** {@code msoko serve}: the web application. */
@Command(name = "serve", description = "Запустить веб-приложение.")
class ServeCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    HelpOptions helpOptions;

    private static volatile boolean serving;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Порт (по умолчанию ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--demo", description = "Загрузить демонстрационный регион при первом запуске и создать демо-пользователей.")
    boolean demo;

    @Mixin
    DatabaseOptions db;

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        ConfigurableApplicationContext ctx = SpringRunner.start(true, db, List.of("--server.port=" + port));
        serving = true;
        List<String> logins = List.of();
        if (demo) {
            logins = ctx.getBean(DemoLoader.class).ensureLoadedAnalysingInBackground();
        }
        System.out.println();
        System.out.println("МСОКО запущена: http://localhost:" + port + "/");
        System.out.println("База данных: " + ctx.getBean(DatabaseKind.class).describe());
        logins.forEach(l -> System.out.println("  " + l));
        System.out.println("Остановить: Ctrl+C");
        return 0;
    }
}
