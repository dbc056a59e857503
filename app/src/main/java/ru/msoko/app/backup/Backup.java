package ru.msoko.app.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.audit.Outcome;
import ru.msoko.app.system.DataFolder;
import ru.msoko.app.system.DatabaseKind;

/**
 * {@code msoko backup}: every table into one zip (docs/architecture.md, «Backup and restore»), read inside one
 * read-only snapshot transaction so the copy is consistent while the application keeps working.
 */
@Component
public class Backup {

    /** What was written. */
    public record Summary(Path file, int tables, long rows, long bytes, String schemaVersion, Path secretKey) {
    }

    /** H2's own isolation level (org.h2.engine.Constants.TRANSACTION_SNAPSHOT): the whole transaction sees one snapshot. */
    private static final int H2_SNAPSHOT = 6;

    private final DataSource dataSource;
    private final DataFolder folder;
    private final DatabaseKind kind;
    private final Auditor auditor;

    Backup(DataSource dataSource, DataFolder folder, DatabaseKind kind, Auditor auditor) {
        this.auditor = auditor;
        this.dataSource = dataSource;
        this.folder = folder;
        this.kind = kind;
    }

    /**
     * Writes the backup to {@code out} (via a temporary file, so a failed run leaves no half copy) and records it in
     * the audit log — after the snapshot, so the copy holds the log up to the backup but not the backup's own event.
     */
    public Summary write(Path out, Consumer<String> progress) {
        try {
            Summary s = writeUnaudited(out, progress);
            auditor.record(Auditor.currentUser(), Auditor.What.of(Action.BACKUP, "file", out.getFileName(), out
                    + ": таблиц " + s.tables() + ", строк " + s.rows() + ", схема " + s.schemaVersion(), Outcome.OK));
            return s;
        } catch (RuntimeException e) {
            auditor.record(Auditor.currentUser(), Auditor.What.of(Action.BACKUP, "file", out.getFileName(),
                    out + ": " + e.getMessage(), Outcome.FAILED));
            throw e;
        }
    }

    private Summary writeUnaudited(Path out, Consumer<String> progress) {
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try (Connection c = dataSource.getConnection()) {
            snapshot(c, kind.isPostgres());
            try {
                Manifest manifest;
                try (OutputStream file = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(file)) {
                    manifest = writeTables(c, zip, progress);
                    zip.putNextEntry(new ZipEntry(Manifest.FILE));
                    manifest.write(zip);
                    zip.closeEntry();
                }
                Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Summary(out, manifest.tables().size(), manifest.rows(), Files.size(out),
                        manifest.schemaVersion(), folder.secretFile());
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(part);
        }
    }

    /**
     * One transaction that sees one moment: PostgreSQL's repeatable read (a snapshot at the first statement), H2's
     * SNAPSHOT level (its REPEATABLE READ would let rows inserted meanwhile into a table not yet read appear).
     */
    static void snapshot(Connection c, boolean postgres) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(postgres ? Connection.TRANSACTION_REPEATABLE_READ : H2_SNAPSHOT);
        c.setReadOnly(true);
    }

    private Manifest writeTables(Connection c, ZipOutputStream zip, Consumer<String> progress)
            throws SQLException, IOException {
        Instant at = Instant.now();
        String schemaVersion = Installation.schemaVersion(c);
        List<Manifest.Entry> entries = new ArrayList<>();
        for (Schema.Table t : Schema.read(c)) {
            zip.putNextEntry(new ZipEntry(Manifest.tableFile(t.name())));
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            w.write(String.join("\t", t.columnNames()) + "\n");
            w.write(String.join("\t", t.columns().stream().map(col -> col.kind().label()).toList()) + "\n");
            TableChecksums.Digest digest = TableChecksums.scan(c, t, line -> {
                try {
                    w.write(line);
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
            zip.closeEntry();
            entries.add(new Manifest.Entry(t.name(), t.columnNames(), digest));
            progress.accept(t.name() + ": " + digest.rows());
        }
        return new Manifest(Manifest.FORMAT_VERSION, Installation.APP_VERSION, schemaVersion, at,
                kind.isPostgres() ? "PostgreSQL" : "H2", Installation.keyId(folder), List.copyOf(entries));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing to clean up then
        }
    }
}
