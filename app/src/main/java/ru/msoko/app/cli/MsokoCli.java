package ru.msoko.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code msoko} command and its subcommands. */
@Command(name = "msoko", version = "msoko 0.1.0",
        description = "МСОКО: муниципальная и региональная система оценки качества образования.",
        subcommands = {ServeCommand.class, ImportCommand.class, ImportsCommand.class, AnalyzeCommand.class, DemoDataCommand.class,
                BackupCommand.class, RestoreCommand.class, RetentionCommand.class, UsersCommand.class,
                MigrateToPostgresCommand.class},
        commandListHeading = "%nКоманды:%n")
public class MsokoCli implements Runnable {

    @picocli.CommandLine.Mixin
    HelpOptions helpOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with Russian headings on every command's help. */
    static CommandLine create() {
        CommandLine cli = new CommandLine(new MsokoCli());
        russian(cli);
        return cli;
    }

    private static void russian(CommandLine cli) {
        cli.getCommandSpec().usageMessage().synopsisHeading("Использование: ");
        cli.getSubcommands().values().forEach(MsokoCli::russian);
    }

    public static void main(String[] args) {
        CommandLine cli = create();
        int code = cli.execute(args);
        if (!ServeCommand.serving()) {
            System.exit(code);
        }
    }
}
