package ru.msoko.app.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;

/**
 * H2's guard of {@code audit_event} (created by {@link V22__Audit_log}): refuses every UPDATE, and every DELETE
 * except inside a whole-database restore that declared itself ({@link AppendOnly#permitReplace}). Public with a
 * public constructor because H2 instantiates it by name — the name is stored in every H2 database's schema, so
 * the class must not be renamed or moved (a later migration would have to recreate the triggers).
 */
public final class AppendOnlyH2Trigger implements Trigger {

    private int type;

    public AppendOnlyH2Trigger() {
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.type = type;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (type == DELETE && replacePermitted(conn)) {
            return;
        }
        throw new SQLException("журнал аудита только дополняется: " + (type == DELETE ? "DELETE" : "UPDATE")
                + " запрещено", "P0001");
    }

    private static boolean replacePermitted(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("select " + AppendOnly.H2_VARIABLE)) {
            return rs.next() && Boolean.TRUE.equals(rs.getObject(1, Boolean.class));
        }
    }
}
