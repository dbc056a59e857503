package ru.msoko.app.accounts;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.Databases;

class LoginAttemptsPostgresTest extends LoginAttemptsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.postgres(registry);
    }
}
