package ru.msoko.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportRollback;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.support.Fixtures;

/** Data in many tables for the backup tests, and a way to tamper with a backup file. */
final class BackupData {

    /** A second ВПР file (grade 6, three results) that is imported and then rolled back. */
    static final String GRADE6 = """
            procedure;year;subject;grade;school_code;participant;mark
            ВПР;2025;Математика;6;edu220001;60001;5
            ВПР;2025;Математика;6;edu220001;60002;4
            ВПР;2025;Математика;6;edu220003;60003;3
            """;

    /** Rejected: an unknown school and a mark of 7 (two problems). */
    static final String BAD = """
            procedure;year;subject;grade;school_code;participant;mark
            ВПР;2025;Математика;7;edu999999;70001;5
            ВПР;2025;Математика;7;edu220001;70002;7
            """;

    /** A name with every character the line format escapes: tab, newline, carriage return, backslash. */
    static final String AWKWARD_NAME = "МБОУ \"СОШ № 1\"\tкорпус\\2\nстрока\rвозврат";

    private BackupData() {
    }

    /**
     * Schools (3 schools, 2 municipalities, 7 identifiers), results (6 rows), a grade-6 file rolled back, and a
     * rejected file: import_batch 3 rows, result 6, import_rejection 1 with 2 problems.
     */
    static void load(ImportService service, ImportRollback rollback, JdbcClient jdbc, Path dir) {
        assertThat(importText(service, dir, "schools.csv", Fixtures.SCHOOLS)).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(importText(service, dir, "results.csv", Fixtures.RESULTS)).isInstanceOf(ImportOutcome.Imported.class);
        ImportOutcome grade6 = importText(service, dir, "grade6.csv", GRADE6);
        assertThat(grade6).isInstanceOf(ImportOutcome.Imported.class);
        assertThat(rollback.rollback(((ImportOutcome.Imported) grade6).batchId(), "test", false))
                .isInstanceOf(ImportRollback.Outcome.RolledBack.class);
        assertThat(importText(service, dir, "bad.csv", BAD)).isInstanceOf(ImportOutcome.Rejected.class);
        jdbc.sql("update school set name = :n where code = 'edu220001'").param("n", AWKWARD_NAME).update();
    }

    private static ImportOutcome importText(ImportService service, Path dir, String name, String content) {
        return service.importFile(Fixtures.write(dir, name, content), name, "test", ImportOptions.STRICT);
    }

    /** Copies a backup, passing the named entry's text through {@code change}. */
    static Path tampered(Path backup, String entryName, UnaryOperator<String> change) throws IOException {
        Path out = backup.resolveSibling("tampered-" + backup.getFileName());
        try (ZipFile in = new ZipFile(backup.toFile()); OutputStream o = Files.newOutputStream(out);
             ZipOutputStream zip = new ZipOutputStream(o)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream is = in.getInputStream(e)) {
                    bytes = is.readAllBytes();
                }
                if (e.getName().equals(entryName)) {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    String changed = change.apply(text);
                    assertThat(changed).as("the tampering changed " + entryName).isNotEqualTo(text);
                    bytes = changed.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }
}
