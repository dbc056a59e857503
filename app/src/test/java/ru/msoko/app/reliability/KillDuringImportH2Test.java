package ru.msoko.app.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@link KillDuringImportContract} on the embedded H2 file database, with the options of the production URL
 * (application.properties, AUTO_SERVER included): the killed process held the file, the parent and the next child
 * open it after the kill as a restarted installation would.
 */
class KillDuringImportH2Test extends KillDuringImportContract {

    @Override
    String[] database() {
        return new String[] {"jdbc:h2:file:" + work.resolve("h2").resolve("msoko") + productionOptions(), "sa", ""};
    }

    @Override
    <T> T withDatabase(Function<JdbcClient, T> check) {
        String[] db = database();
        SingleConnectionDataSource ds = new SingleConnectionDataSource(db[0], db[1], db[2], true);
        try {
            return check.apply(JdbcClient.create(ds));
        } finally {
            ds.destroy(); // the last connection closes the database: the next child can open the file
        }
    }

    /** «;MODE=PostgreSQL;…» of the default spring.datasource.url. */
    private static String productionOptions() {
        Properties p = new Properties();
        try (InputStream in = KillDuringImportH2Test.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = p.getProperty("spring.datasource.url");
        int from = url.indexOf("/msoko;");
        return url.substring(from + "/msoko".length(), url.lastIndexOf('}'));
    }
}
