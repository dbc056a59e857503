package ru.msoko.app.imports;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The Java migrations, for tests that run Flyway without Spring (the application gets them as beans). A new Java
 * migration is added here too; the upgrade tests fail with «resolved migration not applied» otherwise.
 */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    public static JavaMigration[] all() {
        return new JavaMigration[] {new V18__Lean_result_writes()};
    }
}
