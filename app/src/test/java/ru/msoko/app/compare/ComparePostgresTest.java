package ru.msoko.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.Databases;

/** The same comparisons on PostgreSQL. */
class ComparePostgresTest extends CompareTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
    }
}
