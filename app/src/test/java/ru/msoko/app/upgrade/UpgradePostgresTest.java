package ru.msoko.app.upgrade;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ru.msoko.app.support.Databases;

/** The upgrade from every released schema on PostgreSQL (zonky, a fresh database each time). */
class UpgradePostgresTest extends UpgradeContract {

    @Override
    Database freshDatabase(Path data) {
        Map<String, String> pg = Databases.freshPostgres();
        return new Database(Databases.postgresDataSource(pg), List.of(
                "--spring.datasource.url=" + pg.get("spring.datasource.url"),
                "--spring.datasource.username=" + pg.get("spring.datasource.username"),
                "--spring.datasource.password=" + pg.get("spring.datasource.password"),
                "--msoko.data=" + data));
    }
}
