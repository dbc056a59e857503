package ru.msoko.app.imports;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.Databases;

class ConcurrentImportH2Test extends ConcurrentImportContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @Override
    long sessionsWaitingForALock() {
        return jdbc.sql("select count(*) from information_schema.sessions where blocker_id is not null")
                .query(Long.class).single();
    }
}
