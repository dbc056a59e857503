package ru.msoko.app.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Drops the secondary structures of {@code result} that only the write path paid for: the foreign keys on
 * {@code import_id}, {@code mark_scale_id} and {@code gia_scale_id} (H2 keeps an index for each) and the index on {@code import_id}.
 * Every extra B-tree costs each imported row an insert and, in H2's MVStore, an undo-log entry rewritten at
 * commit (docs/benchmarks.md). Nothing reads by these columns except a rollback, which is rare and may scan.
 * The integrity they guarded is kept by {@link ImportRollback} (import batches are never deleted; a rolled-back
 * scale releases its marks first) and checked by the import contract tests.
 *
 * <p>A Java migration because the foreign keys were declared without names in V1/V3, and H2 and PostgreSQL
 * name them differently: the names are read from the database's metadata.
 */
@Component
class V18__Lean_result_writes extends BaseJavaMigration {

    private static final Set<String> DROPPED_KEYS = Set.of("import_id", "mark_scale_id", "gia_scale_id");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> constraints = new ArrayList<>();
        try (ResultSet keys = c.getMetaData().getImportedKeys(null, null, "result")) {
            while (keys.next()) {
                if (DROPPED_KEYS.contains(keys.getString("FKCOLUMN_NAME").toLowerCase(java.util.Locale.ROOT))) {
                    constraints.add(keys.getString("FK_NAME"));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : constraints) {
                s.execute("alter table result drop constraint \"" + name.replace("\"", "\"\"") + "\"");
            }
            s.execute("drop index if exists ix_result_import");
        }
    }
}
