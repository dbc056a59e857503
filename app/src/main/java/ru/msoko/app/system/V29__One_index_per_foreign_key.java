package ru.msoko.app.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * One index per foreign key (issue #4, import speed). H2 gives every foreign key declared in {@code create table}
 * an index of its own; the migrations then created their own index on the same column for PostgreSQL, which makes
 * none. On H2 such a column had two identical indexes, and every inserted row paid for both, once when written and
 * once more when its transaction commits (H2 clears the transaction mark of every index entry at commit):
 * {@code result_block} had six indexes for three query paths. H2 re-uses an existing index with exactly the
 * constraint's columns when a foreign key is added later, so each foreign key below is dropped and added again,
 * after its table's own index is in place. On PostgreSQL the same statements change nothing but the constraints'
 * names. {@code SchemaIndexesContract} checks that no table has two indexes on the same columns, on both engines.
 *
 * <p>{@code result_summary} loses its primary key (procedure, school, import): the import writes one row per key,
 * counted in a map ({@code ResultSummaries}), and nothing looks a row up by the whole key; the key's index was a
 * fourth index written per row, on the path every import of results waits for. Its procedure column gets an index of
 * its own, which is also its foreign key's.
 *
 * <p>A Java migration because the constraints' generated names differ between the engines and are looked up.
 */
@Component
class V29__One_index_per_foreign_key extends BaseJavaMigration {

    private record ForeignKey(String table, String column, String references, boolean cascade) {

        String name() {
            return "fk_" + table + "_" + column.replace("_id", "");
        }
    }

    /** Every foreign key whose column has an index of the migrations' own (found on a database made by V1–V28). */
    private static final List<ForeignKey> KEYS = List.of(
            new ForeignKey("result_block", "import_id", "import_batch", false),
            new ForeignKey("result_block", "assessment_id", "assessment", false),
            new ForeignKey("result_block", "school_id", "school", false),
            new ForeignKey("result_summary", "assessment_id", "assessment", false),
            new ForeignKey("result_summary", "school_id", "school", false),
            new ForeignKey("exam_school_summary", "import_id", "import_batch", false),
            new ForeignKey("journal_mark_distribution", "import_id", "import_batch", false),
            new ForeignKey("school_context", "school_id", "school", false),
            new ForeignKey("api_token", "user_id", "app_user", true));

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            // a school's blocks are read whole (ResultBlockRepository.forEachOfSchool filters the procedure in Java):
            // the index on the school alone serves the query and the foreign key
            s.execute("drop index ix_result_block_school");
            s.execute("create index ix_result_block_school on result_block (school_id)");
            s.execute("alter table result_summary drop constraint \"" + constraintName(c, "result_summary",
                    "PRIMARY KEY", null) + "\"");
            s.execute("create index ix_result_summary_assessment on result_summary (assessment_id)");
        }
        for (ForeignKey key : KEYS) {
            String name = constraintName(c, key.table(), "FOREIGN KEY", key.column());
            try (Statement s = c.createStatement()) {
                s.execute("alter table " + key.table() + " drop constraint \"" + name + "\"");
                s.execute("alter table " + key.table() + " add constraint " + key.name() + " foreign key ("
                        + key.column() + ") references " + key.references() + " (id)"
                        + (key.cascade() ? " on delete cascade" : ""));
            }
        }
    }

    /** The generated name of the table's one constraint of this type (on this column, for a foreign key). */
    private static String constraintName(Connection c, String table, String type, String column) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                select distinct tc.constraint_name
                from information_schema.table_constraints tc
                join information_schema.key_column_usage k
                  on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name
                 and k.table_name = tc.table_name
                where tc.constraint_type = ? and tc.table_schema = current_schema
                  and tc.table_name = ? and (k.column_name = ? or cast(? as varchar(200)) is null)""")) {
            q.setString(1, type);
            q.setString(2, table);
            q.setString(3, column);
            q.setString(4, column);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            if (names.size() != 1) {
                throw new IllegalStateException("expected one " + type + " on " + table
                        + (column == null ? "" : "." + column) + ", found " + names);
            }
            return names.get(0);
        }
    }
}
