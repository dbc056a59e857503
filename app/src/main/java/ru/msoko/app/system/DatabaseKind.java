package ru.msoko.app.system;

import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import com.zaxxer.hikari.HikariDataSource;

/** Which engine the installation runs on, for the log and the admin pages. */
@Component
public class DatabaseKind {

    private final String url;

    DatabaseKind(DataSource dataSource) {
        this.url = dataSource instanceof HikariDataSource h ? h.getJdbcUrl() : "";
    }

    public boolean isPostgres() {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    /** Russian description with the URL stripped of credentials. */
    public String describe() {
        if (isPostgres()) {
            return "PostgreSQL (" + url.replaceAll("password=[^&;]*", "password=***") + ")";
        }
        return "встроенная база H2 (" + url.replaceAll(";.*", "") + ")";
    }
}
