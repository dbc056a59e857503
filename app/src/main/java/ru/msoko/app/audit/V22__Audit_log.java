package ru.msoko.app.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * The audit log table and its append-only guard (docs/architecture.md, «Audit log»). The table is the same on both
 * engines; the guard is not: PostgreSQL gets a PL/pgSQL trigger function, H2 a Java trigger class
 * ({@link AppendOnlyH2Trigger}) — H2 has no procedural SQL. A Java migration so that one version serves both.
 *
 * <p>{@code id} is assigned by {@link AuditLog} (the previous row's id + 1, the primary key refusing a second row
 * with the same number), so the order of the hash chain is the order of the ids. No foreign keys: an event outlives
 * the school or user it names, and a restore may load the table in any order.
 */
@Component
class V22__Audit_log extends BaseJavaMigration {

    private static final String TABLE = """
            create table audit_event (
                id              bigint primary key,
                occurred_at     timestamp with time zone not null,
                username        varchar(200) not null,
                user_role       varchar(40),
                client_address  varchar(100),
                action          varchar(40) not null,
                object_type     varchar(40),
                object_id       varchar(200),
                municipality_id bigint,
                school_id       bigint,
                details         varchar(2000),
                outcome         varchar(20) not null,
                prev_hash       varchar(64) not null,
                hash            varchar(64) not null
            )""";

    /** The setting is {@link AppendOnly#POSTGRES_SETTING}. */
    private static final String POSTGRES_GUARD = """
            create or replace function audit_event_append_only() returns trigger language plpgsql as $$
            begin
                if tg_op = 'DELETE' and current_setting('msoko.audit_replace', true) = 'on' then
                    return old;
                end if;
                raise exception 'журнал аудита только дополняется: % запрещено', tg_op;
            end
            $$""";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute(TABLE);
            s.execute("create index ix_audit_event_time on audit_event (occurred_at)");
            s.execute("create index ix_audit_event_municipality on audit_event (municipality_id, id)");
            guard(c);
        }
    }

    /** Creates the triggers that refuse UPDATE and DELETE (the function first, on PostgreSQL). */
    static void guard(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (AppendOnly.isPostgres(c)) {
                s.execute(POSTGRES_GUARD);
                s.execute("create trigger audit_event_append_only before update or delete on audit_event "
                        + "for each row execute function audit_event_append_only()");
            } else {
                String trigger = AppendOnlyH2Trigger.class.getName();
                s.execute("create trigger audit_event_no_update before update on audit_event for each row call \""
                        + trigger + "\"");
                s.execute("create trigger audit_event_no_delete before delete on audit_event for each row call \""
                        + trigger + "\"");
            }
        }
    }
}
