package ru.msoko.app.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The application's Java migrations (V18 in imports, …), for tests that run Flyway without Spring — the application
 * gets them as beans. Found by scanning the application's packages, so a new one needs no change here; Flyway
 * refuses a database otherwise («resolved migration not applied»).
 */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    public static JavaMigration[] all() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
        List<JavaMigration> out = new ArrayList<>();
        for (BeanDefinition d : scan.findCandidateComponents("ru.msoko.app")) {
            try {
                var constructor = Class.forName(d.getBeanClassName()).getDeclaredConstructor();
                constructor.setAccessible(true); // the migrations are package-private
                out.add((JavaMigration) constructor.newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create the Java migration " + d.getBeanClassName(), e);
            }
        }
        out.sort(Comparator.comparing(m -> m.getVersion()));
        return out.toArray(JavaMigration[]::new);
    }
}
