package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.Databases;

class ImportServicePostgresTest extends ImportServiceContract {

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }

    /** Without it the driver sends one insert per row instead of multi-row inserts. */
    @Test
    void postgresBatchesAreRewrittenIntoMultiRowInserts() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        assertThat(hikari.getDataSourceProperties().getProperty("reWriteBatchedInserts")).isEqualTo("true");
    }
}
