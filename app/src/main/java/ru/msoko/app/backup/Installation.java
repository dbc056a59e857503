package ru.msoko.app.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.flywaydb.core.api.MigrationVersion;
import ru.msoko.app.system.DataFolder;

/** What a backup records about the installation it came from, and restore compares. */
final class Installation {

    /** The version written into backups; the same as {@code msoko --version}. */
    static final String APP_VERSION = "0.1.0";

    private Installation() {
    }

    /**
     * The highest applied Flyway version. Compared as versions, not text: {@code max(version)} in SQL would rank the
     * varchar «6» above «19».
     */
    static String schemaVersion(Connection c) throws SQLException {
        MigrationVersion max = null;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select version from " + Schema.FLYWAY_HISTORY
                     + " where success = true and version is not null")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (max == null || v.compareTo(max) > 0) {
                    max = v;
                }
            }
        }
        return max == null ? "0" : max.getVersion();
    }

    /**
     * An identifier of the pseudonymisation secret that does not reveal it (SHA-256 of a label and the secret,
     * first 16 hex digits): restore can say whether the installation has the same key as the backup.
     */
    static String keyId(DataFolder folder) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("msoko secret key id\n".getBytes(StandardCharsets.UTF_8));
            md.update(folder.secret());
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
