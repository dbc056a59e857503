package ru.msoko.app.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.JavaMigration;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.msoko.app.system.DatabaseKind;

/**
 * {@code msoko migrate-to-postgres}: the embedded H2 database of this installation copied into an empty PostgreSQL
 * database (docs/architecture.md, «Moving to PostgreSQL»). Flyway creates the schema there with the same migrations;
 * every table is copied in the backup's row format ({@link RowLine}, the same reading and binding as backup and
 * restore) inside one PostgreSQL transaction; then each table's row count and SHA-256 ({@link TableChecksums}) on
 * the target are compared with the source's before the commit. Any difference rolls everything back.
 */
@Component
public class PostgresMove {

    /** The PostgreSQL database to move to. */
    public record Target(String url, String user, String password) {
    }

    /** One table's digests on both sides. */
    public record TableCheck(String table, TableChecksums.Digest source, TableChecksums.Digest target) {

        public boolean equal() {
            return source.equals(target);
        }
    }

    /** How a move ended. */
    public sealed interface Outcome {
        String message();

        /** The per-table comparison (empty when the move was refused before any copying). */
        List<TableCheck> tables();

        /** Every table copied and checked; committed. */
        record Moved(List<TableCheck> tables, long rows, String schemaVersion, String message) implements Outcome {
        }

        /** Nothing was written into the target's tables (the schema may have been created by Flyway). */
        record Refused(List<TableCheck> tables, String message) implements Outcome {
        }
    }

    private static final class Refusal extends Exception {
        private final List<TableCheck> checks;

        Refusal(String message, List<TableCheck> checks) {
            super(message, null, false, false);
            this.checks = checks;
        }
    }

    private static final int BATCH = 1000;

    private final DataSource source;
    private final DatabaseKind kind;
    private final List<JavaMigration> javaMigrations;
    private final String[] locations;

    PostgresMove(DataSource source, DatabaseKind kind, ObjectProvider<JavaMigration> javaMigrations,
                 @Value("${spring.flyway.locations}") String[] locations) {
        this.source = source;
        this.kind = kind;
        this.javaMigrations = javaMigrations.orderedStream().toList();
        this.locations = locations;
    }

    public Outcome move(Target target, Consumer<String> progress) {
        if (kind.isPostgres()) {
            return new Outcome.Refused(List.of(), "эта установка уже работает на PostgreSQL (" + kind.describe()
                    + "); переносится только встроенная база H2. Уберите MSOKO_JDBC_URL из окружения.");
        }
        if (target.url() == null || !target.url().startsWith("jdbc:postgresql:")) {
            return new Outcome.Refused(List.of(), "--jdbc-url должен начинаться с jdbc:postgresql:, а не «"
                    + target.url() + "»");
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(target.url());
        if (target.user() != null) {
            pg.setUser(target.user());
        }
        if (target.password() != null) {
            pg.setPassword(target.password());
        }
        pg.setReWriteBatchedInserts(true);
        try {
            refuseUnlessEmpty(pg);
            progress.accept("Схема в PostgreSQL (Flyway): " + migrate(pg));
            return copy(pg, progress);
        } catch (Refusal e) {
            return new Outcome.Refused(e.checks, e.getMessage());
        } catch (FlywayException e) {
            return new Outcome.Refused(List.of(), "Flyway не смог создать схему в PostgreSQL: " + e.getMessage());
        } catch (SQLException | IllegalStateException e) {
            return new Outcome.Refused(List.of(), "база данных отказала: " + e.getMessage()
                    + " — в PostgreSQL ничего не записано, встроенная база не изменена");
        }
    }

    /**
     * Checked before Flyway touches the target: a database that holds tables but no Flyway history is someone else's
     * (Flyway's own refusal would be less clear); an МСОКО database with rows is refused before Flyway could upgrade
     * its schema. The same emptiness is checked again inside the copying transaction.
     */
    private static void refuseUnlessEmpty(DataSource pg) throws SQLException, Refusal {
        try (Connection c = pg.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select table_name from information_schema.tables "
                    + "where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty() && !tables.contains(Schema.FLYWAY_HISTORY)) {
                throw new Refusal("база PostgreSQL не пуста: в ней есть таблицы " + tables + ", и это не база МСОКО. "
                        + "Создайте пустую базу (CREATE DATABASE msoko OWNER …) и укажите её. Ничего не изменено.", List.of());
            }
            refuseIfHolding(Restore.holdingData(c, Schema.read(c)));
        }
    }

    private static void refuseIfHolding(List<String> holding) throws Refusal {
        if (!holding.isEmpty()) {
            throw new Refusal("база PostgreSQL не пуста: строки есть в таблицах " + String.join(", ", holding)
                    + ". Перенос выполняется только в пустую базу. Ничего не изменено.", List.of());
        }
    }

    /** The same migrations as the application's own start (SQL files and the Java migrations that are beans). */
    private String migrate(DataSource pg) {
        Flyway flyway = Flyway.configure()
                .dataSource(pg)
                .locations(locations)
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        return applied == 0 ? "уже создана, миграций не понадобилось" : "применено миграций: " + applied;
    }

    private Outcome copy(DataSource pg, Consumer<String> progress) throws SQLException, Refusal {
        try (Connection from = source.getConnection(); Connection to = pg.getConnection()) {
            Backup.snapshot(from, false);
            to.setAutoCommit(false);
            try {
                Outcome.Moved moved = copy(from, to, progress);
                to.commit();
                return moved;
            } catch (Refusal | SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            } finally {
                from.rollback();
            }
        }
    }

    private Outcome.Moved copy(Connection from, Connection to, Consumer<String> progress)
            throws SQLException, Refusal {
        String version = Installation.schemaVersion(from);
        String targetVersion = Installation.schemaVersion(to);
        if (!version.equals(targetVersion)) {
            throw new Refusal("версия схемы встроенной базы " + version + ", а PostgreSQL — " + targetVersion
                    + ": укажите пустую базу PostgreSQL. Ничего не изменено.", List.of());
        }
        List<Schema.Table> tables = Schema.read(from);
        sameTables(tables, Schema.read(to));
        refuseIfHolding(Restore.holdingData(to, tables));
        // the rows migrations seed (Restore.SEEDED) come from the source like the rest; every other table is empty
        Restore.deleteAll(to, tables.stream().filter(t -> Restore.SEEDED.contains(t.name())).toList());
        List<TableChecksums.Digest> copied = new ArrayList<>();
        for (Schema.Table t : tables) {
            TableChecksums.Digest d = copyTable(from, to, t);
            copied.add(d);
            progress.accept("  " + t.name() + ": скопировано строк " + d.rows());
        }
        List<TableCheck> checks = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            Schema.Table t = tables.get(i);
            checks.add(new TableCheck(t.name(), copied.get(i), TableChecksums.scan(to, t, line -> { })));
        }
        List<String> differ = checks.stream().filter(c -> !c.equal()).map(TableCheck::table).toList();
        if (!differ.isEmpty()) {
            throw new Refusal("после копирования не совпали таблицы " + String.join(", ", differ)
                    + " (число строк или SHA-256). Перенос отменён: в PostgreSQL не записано ни строки, "
                    + "встроенная база не изменена.", checks);
        }
        Restore.restartIdentities(to, tables);
        long rows = copied.stream().mapToLong(TableChecksums.Digest::rows).sum();
        return new Outcome.Moved(checks, rows, version, "перенесено таблиц " + tables.size() + ", строк " + rows
                + " (схема " + version + "); число строк и SHA-256 каждой таблицы в PostgreSQL совпали со встроенной базой.");
    }

    private static void sameTables(List<Schema.Table> source, List<Schema.Table> target) throws Refusal {
        List<String> a = source.stream().map(t -> t.name() + t.columnNames()).sorted().toList();
        List<String> b = target.stream().map(t -> t.name() + t.columnNames()).sorted().toList();
        if (!a.equals(b)) {
            throw new Refusal("таблицы PostgreSQL " + b + " не те, что во встроенной базе " + a + ". Ничего не изменено.",
                    List.of());
        }
    }

    /** Reads the source table in key order and inserts each row's line, as restore inserts a backup's lines. */
    private static TableChecksums.Digest copyTable(Connection from, Connection to, Schema.Table t) throws SQLException {
        try (PreparedStatement ps = to.prepareStatement(Restore.insertSql(t))) {
            int[] pending = {0};
            TableChecksums.Digest d = TableChecksums.scan(from, t, line -> {
                try {
                    Restore.bind(ps, t, line);
                    ps.addBatch();
                    if (++pending[0] == BATCH) {
                        ps.executeBatch();
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(t.name() + ": " + e.getMessage(), e);
                }
            });
            if (pending[0] > 0) {
                ps.executeBatch();
            }
            return d;
        }
    }
}
