package ru.msoko.app.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msoko.core.privacy.Pseudonymizer;

@Configuration
class PrivacyConfig {

    @Bean
    Pseudonymizer pseudonymizer(DataFolder folder) {
        return new Pseudonymizer(folder.secret());
    }
}
