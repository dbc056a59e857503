package ru.msoko.app.imports;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.Databases;

class ConcurrentImportPostgresTest extends ConcurrentImportContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }

    @Override
    long sessionsWaitingForALock() {
        return jdbc.sql("""
                select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'""")
                .query(Long.class).single();
    }
}
