package ru.msoko.app.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.AppendOnly;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.system.DataFolder;

/**
 * {@code msoko restore}: loads a backup in one transaction — delete every row, insert the copy table by table
 * (parents first), check every table's checksum against the manifest, move identity counters past the restored ids.
 * Any problem rolls the transaction back: the database stays as it was.
 */
@Component
public class Restore {

    /** Tables that migrations fill (V2: the subject directory); a database holding only these counts as empty. */
    static final Set<String> SEEDED = Set.of("subject", "subject_alias");

    private static final int BATCH = 1000;

    /** How a restore ended. */
    public sealed interface Outcome {
        String message();

        /** The copy is in the database. */
        record Restored(int tables, long rows, String message) implements Outcome {
        }

        /** Nothing changed. */
        record Refused(String message) implements Outcome {
        }
    }

    /** A reason to refuse, carried out of the loading loop. */
    private static final class Refusal extends Exception {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private final DataSource dataSource;
    private final DataFolder folder;
    private final Auditor auditor;

    Restore(DataSource dataSource, DataFolder folder, Auditor auditor) {
        this.auditor = auditor;
        this.dataSource = dataSource;
        this.folder = folder;
    }

    /**
     * Restores and then records the restore in the audit log: the log is the copy's, continued by this event (its
     * hash chain goes on from the copy's last row).
     */
    public Outcome restore(Path file, boolean replace, Consumer<String> progress) {
        Outcome outcome = restoreUnaudited(file, replace, progress);
        auditor.record(Auditor.currentUser(), Auditor.What.of(Action.RESTORE, "file", file.getFileName(),
                outcome.message().lines().findFirst().orElse(""),
                outcome instanceof Outcome.Restored ? ru.msoko.app.audit.Outcome.OK : ru.msoko.app.audit.Outcome.REFUSED));
        return outcome;
    }

    private Outcome restoreUnaudited(Path file, boolean replace, Consumer<String> progress) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            Manifest manifest = manifest(zip);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    AppendOnly.permitReplace(c);
                    load(c, zip, manifest, replace, progress);
                    c.commit();
                } catch (Refusal | SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    AppendOnly.endReplace(c);
                }
            }
            return new Outcome.Restored(manifest.tables().size(), manifest.rows(), restoredMessage(file, manifest));
        } catch (Refusal e) {
            return new Outcome.Refused(e.getMessage());
        } catch (ZipException e) {
            return new Outcome.Refused(file + ": не zip-архив резервной копии (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Outcome.Refused(file + ": не удалось прочитать (" + e.getMessage() + ")");
        } catch (SQLException e) {
            return new Outcome.Refused("база данных отказала: " + e.getMessage() + " — база данных не изменена");
        }
    }

    private static Manifest manifest(ZipFile zip) throws IOException, Refusal {
        ZipEntry entry = zip.getEntry(Manifest.FILE);
        if (entry == null) {
            throw new Refusal("в архиве нет " + Manifest.FILE + " — это не резервная копия МСОКО");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Manifest.read(in);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e.getMessage());
        }
    }

    private void load(Connection c, ZipFile zip, Manifest manifest, boolean replace, Consumer<String> progress)
            throws SQLException, IOException, Refusal {
        String version = Installation.schemaVersion(c);
        if (!version.equals(manifest.schemaVersion())) {
            throw new Refusal("версия схемы базы данных " + version + ", а копии — " + manifest.schemaVersion()
                    + " (МСОКО " + manifest.appVersion() + "): восстановите копию той версией МСОКО, которой она сделана, "
                    + "и обновите её после этого. База данных не изменена.");
        }
        List<Schema.Table> tables = Schema.read(c);
        sameTables(tables, manifest);
        refuseIfHoldsData(c, tables, replace);
        deleteAll(c, tables);
        for (Schema.Table t : tables) {
            insert(c, zip, t, manifest.entry(t.name()));
            progress.accept(t.name() + ": " + manifest.entry(t.name()).digest().rows());
        }
        for (Schema.Table t : tables) {
            TableChecksums.Digest loaded = TableChecksums.scan(c, t, line -> { });
            TableChecksums.Digest expected = manifest.entry(t.name()).digest();
            if (!loaded.equals(expected)) {
                throw new Refusal("после загрузки таблица " + t.name() + " не совпала с копией (" + loaded.rows()
                        + " строк вместо " + expected.rows() + " или другая контрольная сумма) — база данных не изменена");
            }
        }
        restartIdentities(c, tables);
    }

    private static void sameTables(List<Schema.Table> tables, Manifest manifest) throws Refusal {
        List<String> inDatabase = tables.stream().map(Schema.Table::name).sorted().toList();
        List<String> inCopy = manifest.tables().stream().map(Manifest.Entry::table).sorted().toList();
        if (!inDatabase.equals(inCopy)) {
            throw new Refusal("таблицы копии (" + inCopy + ") не те, что в базе данных (" + inDatabase + ")");
        }
        for (Schema.Table t : tables) {
            if (!t.columnNames().equals(manifest.entry(t.name()).columns())) {
                throw new Refusal("столбцы таблицы " + t.name() + " в копии " + manifest.entry(t.name()).columns()
                        + ", а в базе данных " + t.columnNames());
            }
        }
    }

    private static void refuseIfHoldsData(Connection c, List<Schema.Table> tables, boolean replace)
            throws SQLException, Refusal {
        if (replace) {
            return;
        }
        List<String> holding = holdingData(c, tables);
        if (!holding.isEmpty()) {
            throw new Refusal("база данных не пуста: строки есть в таблицах " + String.join(", ", holding)
                    + ". Чтобы заменить все данные копией, добавьте --replace. База данных не изменена.");
        }
    }

    /** Tables with rows, as «name (count)», leaving out what migrations seed ({@link #SEEDED}). */
    static List<String> holdingData(Connection c, List<Schema.Table> tables) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (Schema.Table t : tables) {
            if (SEEDED.contains(t.name())) {
                continue;
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + t.name())) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    holding.add(t.name() + " (" + rs.getLong(1) + ")");
                }
            }
        }
        return holding;
    }

    /** Deletes every row, children first. */
    static void deleteAll(Connection c, List<Schema.Table> tables) throws SQLException {
        List<Schema.Table> reversed = new ArrayList<>(tables);
        Collections.reverse(reversed);
        for (Schema.Table t : reversed) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("delete from " + t.name());
            }
        }
    }

    /** The insert of every column of a table, in {@link Schema.Table#columnNames()} order. */
    static String insertSql(Schema.Table t) {
        return "insert into " + t.name() + " (" + String.join(", ", t.columnNames()) + ") values ("
                + String.join(", ", Collections.nCopies(t.columns().size(), "?")) + ")";
    }

    private static void insert(Connection c, ZipFile zip, Schema.Table t, Manifest.Entry entry)
            throws SQLException, IOException, Refusal {
        ZipEntry ze = zip.getEntry(Manifest.tableFile(t.name()));
        if (ze == null) {
            throw new Refusal("копия повреждена: в архиве нет " + Manifest.tableFile(t.name()));
        }
        String sql = insertSql(t);
        TableChecksums.Hasher hasher = new TableChecksums.Hasher();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(zip.getInputStream(ze), StandardCharsets.UTF_8));
             PreparedStatement ps = c.prepareStatement(sql)) {
            String header = r.readLine();
            r.readLine(); // the kinds: informative; the target's own column types decide how values are bound
            if (header == null || !List.of(header.split("\t", -1)).equals(t.columnNames())) {
                throw new Refusal("копия повреждена: заголовок " + ze.getName() + " не совпадает с " + Manifest.FILE);
            }
            long lineNo = 2;
            int pending = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                try {
                    bind(ps, t, line);
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    throw new Refusal("копия повреждена: " + ze.getName() + ", строка " + lineNo + ": " + e.getMessage()
                            + ". База данных не изменена.");
                }
                hasher.add(line);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        TableChecksums.Digest read = hasher.digest();
        if (!read.equals(entry.digest())) {
            throw new Refusal("копия повреждена: " + ze.getName() + " — " + read.rows() + "\u00A0"
                    + ru.msoko.core.text.RussianPlural.of(read.rows(), "строка", "строки", "строк") + ", в "
                    + Manifest.FILE + " " + entry.digest().rows() + ", контрольная сумма SHA-256 "
                    + (read.sha256().equals(entry.digest().sha256()) ? "совпадает" : "не совпадает")
                    + ". База данных не изменена.");
        }
    }

    /** Binds one {@link RowLine} to the insert of {@link #insertSql}; a line that does not fit throws IllegalArgumentException. */
    static void bind(PreparedStatement ps, Schema.Table t, String line) throws SQLException {
        List<String> values = RowLine.decode(line);
        if (values.size() != t.columns().size()) {
            throw new IllegalArgumentException("значений " + values.size() + ", а столбцов " + t.columns().size());
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                t.columns().get(i).kind().bind(ps, i + 1, values.get(i));
            }
        }
    }

    /**
     * Identity columns continue after the restored ids (neither engine moves its counter when a row is inserted with
     * an explicit id); the same statement works on both engines. It is the last step, after every checksum was
     * checked: it is DDL, and although H2 2.4 does not commit the open transaction for it (checked: a row inserted
     * before it is still rolled back), a sequence change need not roll back with the data.
     */
    static void restartIdentities(Connection c, List<Schema.Table> tables) throws SQLException {
        for (Schema.Table t : tables) {
            for (String col : t.identity()) {
                long next;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select coalesce(max(" + col + "), 0) + 1 from " + t.name())) {
                    rs.next();
                    next = rs.getLong(1);
                }
                try (Statement st = c.createStatement()) {
                    st.execute("alter table " + t.name() + " alter column " + col + " restart with " + next);
                }
            }
        }
    }

    private String restoredMessage(Path file, Manifest m) {
        String text = "восстановлено из " + file + " (копия от " + m.createdAt() + ", " + m.engine() + ", МСОКО "
                + m.appVersion() + ", схема " + m.schemaVersion() + "): таблиц " + m.tables().size() + ", строк "
                + m.rows() + "; контрольные суммы всех таблиц совпали.";
        String key = folder.secretFile().toString();
        if (!m.secretKeyId().isEmpty() && !m.secretKeyId().equals(Installation.keyId(folder))) {
            return text + "\nВНИМАНИЕ: ключ псевдонимизации " + key + " не тот, с которым сделана копия. Скопируйте "
                    + "прежний secret.key на его место и перезапустите МСОКО, иначе новые загрузки дадут участникам "
                    + "другие псевдонимы.";
        }
        return text + "\nКлюч псевдонимизации " + key + " тот же, что при создании копии.";
    }
}
