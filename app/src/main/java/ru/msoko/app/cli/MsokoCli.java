package ru.msoko.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code msoko} command and its subcommands. */
@Command(name = "msoko", mixinStandardHelpOptions = true, version = "msoko 0.1.0",
        description = "МСОКО: муниципальная и региональная система оценки качества образования.",
        subcommands = {ServeCommand.class, ImportCommand.class, DemoDataCommand.class},
        commandListHeading = "%nКоманды:%n")
public class MsokoCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new MsokoCli());
        int code = cli.execute(args);
        if (!ServeCommand.serving()) {
            System.exit(code);
        }
    }
}
