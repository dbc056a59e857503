package ru.msoko.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

/** V20 maps the three roles stored by earlier versions to the new ones, and refuses unknown role names. */
class RoleMigrationTest {

    @Test
    void storedRolesOfAnEarlierVersionBecomeTheAdministratorsOfTheirLevel() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        flyway(url, "19").migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("insert into app_user (username, password_hash, full_name, role) values "
                    + "('r', 'h', 'Р', 'REGION'), ('m', 'h', 'М', 'MUNICIPALITY'), ('s', 'h', 'Ш', 'SCHOOL')");
        }
        flyway(url, "20").migrate();
        Map<String, String> roles = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select username, role from app_user order by username")) {
                while (rs.next()) {
                    roles.put(rs.getString(1), rs.getString(2));
                }
            }
            assertThat(roles).containsExactly(Map.entry("m", "MUNICIPALITY_ADMIN"), Map.entry("r", "REGION_ADMIN"),
                    Map.entry("s", "SCHOOL"));
            roles.values().forEach(Role::valueOf);
            assertThatThrownBy(() -> st.execute("insert into app_user (username, password_hash, full_name, role) "
                    + "values ('x', 'h', 'X', 'REGION')")).as("only the eight role names").isNotNull();
        }
    }

    private static Flyway flyway(String url, String target) throws Exception {
        // the one Java migration is a package-private Spring bean of the imports package
        var ctor = Class.forName("ru.msoko.app.imports.V18__Lean_result_writes").getDeclaredConstructor();
        ctor.setAccessible(true);
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .javaMigrations((JavaMigration) ctor.newInstance()).target(target).load();
    }
}
