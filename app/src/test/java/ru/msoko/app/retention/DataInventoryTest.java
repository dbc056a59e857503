package ru.msoko.app.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.Databases;

/** docs/data-inventory.md lists every table: a new kind of stored data cannot go undocumented. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DataInventoryTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTableIsInTheInventory() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "data-inventory.md"), StandardCharsets.UTF_8);
        List<String> tables = jdbc.sql("""
                select lower(table_name) from information_schema.tables
                where lower(table_schema) = 'public' and table_type = 'BASE TABLE'""").query(String.class).list();
        assertThat(tables).hasSizeGreaterThan(20);
        for (String table : tables) {
            assertThat(listed(doc, table)).as(table + " in docs/data-inventory.md").isTrue();
        }
    }

    /** A table is listed as {@code `name`} or through a prefix entry such as {@code `mark_scale*`}. */
    private static boolean listed(String doc, String table) {
        if (doc.contains("`" + table + "`")) {
            return true;
        }
        for (int i = table.indexOf('_'); i > 0; i = table.indexOf('_', i + 1)) {
            if (doc.contains("`" + table.substring(0, i) + "*`")) {
                return true;
            }
        }
        return doc.contains("`" + table + "*`");
    }
}
