package ru.msoko.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import ru.msoko.app.cli.MsokoCli;

/** Entry point: the command line decides whether to serve the web app, import files, or do other work. */
@SpringBootApplication
public class MsokoApplication {

    public static void main(String[] args) {
        MsokoCli.main(args);
    }
}
