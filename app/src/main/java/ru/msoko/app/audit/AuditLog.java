package ru.msoko.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.msoko.app.security.Scope;

/**
 * The audit log: append and read, nothing else (the database refuses UPDATE and DELETE as well, see
 * {@link V22__Audit_log}). Each row is chained to the one before by a SHA-256 hash ({@link AuditEvent}).
 */
@Repository
public class AuditLog {

    /** Who may read what, and the filters of the page. Every field may be {@code null} (no filter). */
    public record Filter(LocalDate from, LocalDate to, String username, Action action, String schoolCode) {
        public static final Filter NONE = new Filter(null, null, null, null, null);
    }

    /** An event with the names of its school and municipality, as the page and the exports show it. */
    public record Row(AuditEvent event, String municipalityName, String schoolCode, String schoolName) {
    }

    /** The result of checking the hash chain. */
    public record Verification(long rows, Long firstBrokenId, String problem) {
        public boolean intact() {
            return firstBrokenId == null;
        }
    }

    private static final int ATTEMPTS = 20;
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private static final String COLUMNS = """
            e.id, e.occurred_at, e.username, e.user_role, e.client_address, e.action, e.object_type, e.object_id,
            e.municipality_id, e.school_id, e.details, e.outcome, e.prev_hash, e.hash""";

    /**
     * The scope condition (region: all; municipality: its events; school: its school's) and the filters; the SQL
     * stays constant, as {@link Scope#SCHOOL_CONDITION} does.
     */
    private static final String WHERE = """
            where (:scopeAll = true or e.municipality_id = :scopeMunicipality and :scopeSchool = -1
                   or e.school_id = :scopeSchool)
              and (cast(:fromTime as timestamp with time zone) is null or e.occurred_at >= :fromTime)
              and (cast(:toTime as timestamp with time zone) is null or e.occurred_at < :toTime)
              and (cast(:username as varchar) is null or lower(e.username) = lower(:username))
              and (cast(:action as varchar) is null or e.action = :action)
              and (cast(:school as varchar) is null or s.code = :school)""";

    private static final String FROM = """
            from audit_event e left join school s on s.id = e.school_id
            left join municipality m on m.id = e.municipality_id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Appends an event (its id, previous hash and hash are assigned here) in a transaction of its own, so that
     * it stays when the caller's work is rolled back. Another process appending at the same moment (the command
     * line next to the server) takes the same id and one of the two inserts is refused by the primary key: it
     * reads the new last row and tries again.
     */
    public synchronized AuditEvent append(AuditEvent draft) {
        AuditEvent fitted = fitted(draft);
        for (int attempt = 1; ; attempt++) {
            try {
                return ownTransaction.execute(status -> {
                    var last = jdbc.sql("select id, hash from audit_event order by id desc limit 1")
                            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
                    AuditEvent e = fitted.chained(last.map(Map.Entry::getKey).orElse(0L) + 1,
                            last.map(Map.Entry::getValue).orElse(AuditEvent.GENESIS));
                    insert(e);
                    return e;
                });
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void insert(AuditEvent e) {
        jdbc.sql("""
                insert into audit_event (id, occurred_at, username, user_role, client_address, action, object_type,
                    object_id, municipality_id, school_id, details, outcome, prev_hash, hash)
                values (:id, :at, :username, :role, :address, :action, :objectType, :objectId, :municipality, :school,
                    :details, :outcome, :prev, :hash)""")
                .param("id", e.id()).param("at", e.at().atOffset(ZoneOffset.UTC)).param("username", e.username())
                .param("role", e.role()).param("address", e.clientAddress()).param("action", e.action().name())
                .param("objectType", e.objectType()).param("objectId", e.objectId())
                .param("municipality", e.municipalityId()).param("school", e.schoolId()).param("details", e.details())
                .param("outcome", e.outcome().name()).param("prev", e.prevHash()).param("hash", e.hash()).update();
    }

    /** Cuts every text to its column and the time to milliseconds (what both databases keep exactly). */
    private static AuditEvent fitted(AuditEvent d) {
        return new AuditEvent(0, d.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), cut(d.username(), 200),
                cut(d.role(), 40), cut(d.clientAddress(), 100), d.action(), cut(d.objectType(), 40),
                cut(d.objectId(), 200), d.municipalityId(), d.schoolId(), cut(d.details(), 2000), d.outcome(), null, null);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Events visible in {@code scope} that match {@code filter}, newest first. */
    public List<Row> find(Scope scope, Filter filter, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + ", m.name, s.code, s.name " + FROM + WHERE
                        + " order by e.id desc limit :limit offset :offset")
                .params(params(scope, filter)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Row(event(rs), rs.getString(15), rs.getString(16), rs.getString(17))).list();
    }

    public long count(Scope scope, Filter filter) {
        return jdbc.sql("select count(*) " + FROM + WHERE).params(params(scope, filter)).query(Long.class).single();
    }

    /** The user names in the events visible in {@code scope}, for the filter's list. */
    public List<String> usernames(Scope scope) {
        return jdbc.sql("select distinct e.username " + FROM + WHERE + " order by 1")
                .params(params(scope, Filter.NONE)).query(String.class).list();
    }

    private static Map<String, Object> params(Scope scope, Filter f) {
        Map<String, Object> p = new HashMap<>(scope.sqlParams());
        p.put("fromTime", f.from() == null ? null : f.from().atStartOfDay(ZONE).toOffsetDateTime());
        p.put("toTime", f.to() == null ? null : f.to().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
        p.put("username", blankToNull(f.username()));
        p.put("action", f.action() == null ? null : f.action().name());
        p.put("school", blankToNull(f.schoolCode()));
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Walks the whole log in id order and recomputes every hash: the first row whose stored previous hash is not
     * the hash of the row before it, or whose own hash does not match its content, is named.
     */
    public Verification verify() {
        long[] rows = {0};
        String[] previous = {AuditEvent.GENESIS};
        Verification[] broken = {null};
        jdbc.sql("select " + COLUMNS + " from audit_event e order by e.id").query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            if (broken[0] != null) {
                return;
            }
            AuditEvent e = event(rs);
            rows[0]++;
            if (!e.prevHash().equals(previous[0])) {
                broken[0] = new Verification(rows[0], e.id(), "запись № " + e.id()
                        + " не продолжает предыдущую: запись перед ней удалена, вставлена или изменена");
            } else if (!e.computeHash().equals(e.hash())) {
                broken[0] = new Verification(rows[0], e.id(), "запись № " + e.id() + " изменена после записи");
            }
            previous[0] = e.hash();
        });
        return broken[0] != null ? broken[0] : new Verification(rows[0], null, null);
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
        return new AuditEvent(rs.getLong(1), at, rs.getString(3), rs.getString(4), rs.getString(5),
                Action.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), (Long) rs.getObject(9, Long.class),
                (Long) rs.getObject(10, Long.class), rs.getString(11), Outcome.valueOf(rs.getString(12)),
                rs.getString(13), rs.getString(14));
    }
}
