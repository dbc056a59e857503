package ru.msoko.app.upgrade;

import java.nio.file.Path;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;

/** The upgrade from every released schema on the embedded database: the data folder's own file, as the app opens it. */
class UpgradeH2Test extends UpgradeContract {

    @Override
    Database freshDatabase(Path data) {
        JdbcDataSource ds = new JdbcDataSource();
        // the application's default URL (application.properties) for this data folder
        ds.setURL("jdbc:h2:file:" + data.resolve("msoko")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE");
        ds.setUser("sa");
        ds.setPassword("");
        return new Database(ds, List.of("--msoko.data=" + data));
    }
}
