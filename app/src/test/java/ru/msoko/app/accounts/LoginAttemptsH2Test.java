package ru.msoko.app.accounts;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.Databases;

class LoginAttemptsH2Test extends LoginAttemptsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }
}
