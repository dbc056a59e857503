package ru.msoko.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code msoko} in this JVM as a user would from the shell, keeping what it printed. */
final class Msoko {

    /** Exit code and standard output. */
    record Run(int exitCode, String output) {
    }

    private Msoko() {
    }

    static Run run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int code = MsokoCli.create().execute(args);
            return new Run(code, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
