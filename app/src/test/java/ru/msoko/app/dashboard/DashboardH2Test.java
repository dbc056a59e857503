package ru.msoko.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.Databases;

class DashboardH2Test extends DashboardContract {

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    /** H2's per-connection statement cache is raised from 8 (system.DatabaseConfig, docs/benchmarks.md). */
    @Test
    void h2KeepsMoreStatementsPlanned() {
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).endsWith(";QUERY_CACHE_SIZE=256");
    }
}
