package ru.msoko.app.cli;

import picocli.CommandLine.Option;

/** -h and -V with Russian descriptions (picocli's standard ones are in English). */
class HelpOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Показать справку и выйти.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Показать версию и выйти.")
    boolean version;
}
