package ru.msoko.app.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msoko.core.privacy.Pseudonymizer;
import ru.msoko.core.privacy.SmallCells;

@Configuration
class PrivacyConfig {

    @Bean
    Pseudonymizer pseudonymizer(DataFolder folder) {
        return new Pseudonymizer(folder.secret());
    }

    /** The small-cell bound of every page, API answer and export ({@code msoko.privacy.min-group}, default 10). */
    @Bean
    SmallCells smallCells(@Value("${msoko.privacy.min-group:" + SmallCells.DEFAULT_MIN_GROUP + "}") int minGroup) {
        return new SmallCells(minGroup);
    }
}
