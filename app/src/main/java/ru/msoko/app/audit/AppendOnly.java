package ru.msoko.app.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one way past the append-only guard of {@code audit_event}: a restore that replaces the whole database
 * (copy's log included) must delete the current rows inside its own transaction. TRUNCATE is no answer for it:
 * PostgreSQL's row triggers do not see it, but H2's TRUNCATE commits the open transaction (checked on H2 2.4.240:
 * a DELETE before it in the same transaction survives a rollback), which would break the restore's all-or-nothing.
 *
 * <p>The permit is a session flag that the triggers read: on PostgreSQL a setting local to the transaction
 * ({@code set_config(…, true)}), ending with it; on H2 a session variable, cleared by {@link #endReplace}. It guards
 * against the application's own mistakes and ordinary DML, not against a database owner, who can drop a trigger
 * anyway; the hash chain ({@link AuditLog#verify}) is what shows tampering.
 */
public final class AppendOnly {

    static final String POSTGRES_SETTING = "msoko.audit_replace";
    static final String H2_VARIABLE = "@msoko_audit_replace";

    private AppendOnly() {
    }

    /** Allows DELETE on {@code audit_event} for the rest of the current transaction of {@code c}. */
    public static void permitReplace(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (isPostgres(c)) {
                s.execute("select set_config('" + POSTGRES_SETTING + "', 'on', true)");
            } else {
                s.execute("set " + H2_VARIABLE + " = true");
            }
        }
    }

    /** Takes the permit back (H2; on PostgreSQL it ended with the transaction). Call in a finally block. */
    public static void endReplace(Connection c) throws SQLException {
        if (!isPostgres(c)) {
            try (Statement s = c.createStatement()) {
                s.execute("set " + H2_VARIABLE + " = null");
            }
        }
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }
}
