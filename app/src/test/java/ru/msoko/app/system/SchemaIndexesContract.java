package ru.msoko.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema's indexes after every migration (V29), on H2 and PostgreSQL (subclasses). H2 makes an index for each
 * foreign key unless one with exactly its columns exists; a migration that declares a key and then its own index on
 * the same column gave H2 two identical indexes, each paid for by every inserted row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class SchemaIndexesContract {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseKind kind;

    /** «table: columns» for every index, one line per index. */
    private List<String> indexes() {
        String sql = kind.isPostgres() ? """
                select t.relname || ': ' || (select string_agg(a.attname, ',' order by k.ord)
                                             from unnest(i.indkey) with ordinality k(attnum, ord)
                                             join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum)
                from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = current_schema"""
                : """
                select table_name || ': ' || listagg(column_name, ',') within group (order by ordinal_position)
                from information_schema.index_columns where table_schema = current_schema
                group by table_name, index_name""";
        return jdbc.sql(sql).query(String.class).list();
    }

    @Test
    void noTableHasTwoIndexesOnTheSameColumns() {
        List<String> all = indexes();
        assertThat(all).contains("result_block: school_id", "result_block: assessment_id", "result_block: import_id");
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void theResultBlocksHaveTheirPrimaryKeyAndOneIndexPerForeignKey() {
        assertThat(indexes().stream().filter(i -> i.startsWith("result_block: ")))
                .containsExactlyInAnyOrder("result_block: id", "result_block: school_id",
                        "result_block: assessment_id", "result_block: import_id");
    }

    @Test
    void theAggregatesHaveNoPrimaryKeyAndAnIndexForEachOfTheirForeignKeys() {
        assertThat(indexes().stream().filter(i -> i.startsWith("result_summary: ")))
                .containsExactlyInAnyOrder("result_summary: school_id", "result_summary: assessment_id");
    }

    @Test
    void theForeignKeysAddedAgainStillRefuseRowsWithoutTheirParent() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into result_block (import_id, assessment_id, school_id, row_count, data)
                values (-1, -1, -1, 0, ?)""").param(new byte[0]).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("insert into api_token (user_id, name, token_hash, created_at) "
                + "values (-1, 'x', 'x', current_timestamp)").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        List<String> keys = jdbc.sql("""
                select constraint_name from information_schema.table_constraints
                where constraint_type = 'FOREIGN KEY' and table_schema = current_schema and table_name = 'result_block'
                order by 1""").query(String.class).list();
        assertThat(keys).containsExactly("fk_result_block_assessment", "fk_result_block_import",
                "fk_result_block_school");
    }
}
