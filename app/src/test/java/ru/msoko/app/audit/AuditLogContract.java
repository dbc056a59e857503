package ru.msoko.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.security.Scope;
import ru.msoko.app.support.DatabaseState;

/** The audit log repository; run on H2 and on PostgreSQL by the subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class AuditLogContract {

    @Autowired
    AuditLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Auditor auditor;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    long m01;
    long m02;
    long school1;

    @BeforeEach
    void clean() {
        DatabaseState.clear(jdbc);
        jdbc.sql("insert into municipality (code, name) values ('M01', 'Первый'), ('M02', 'Второй')").update();
        m01 = jdbc.sql("select id from municipality where code = 'M01'").query(Long.class).single();
        m02 = jdbc.sql("select id from municipality where code = 'M02'").query(Long.class).single();
        jdbc.sql("insert into school (code, name, municipality_id) values ('edu1', 'Школа № 1', :m)").param("m", m01)
                .update();
        school1 = jdbc.sql("select id from school where code = 'edu1'").query(Long.class).single();
    }

    private AuditEvent event(String at, String user, Action action, Long municipality, Long school) {
        return new AuditEvent(0, Instant.parse(at), user, "MUNICIPALITY", "10.0.0.1", action, "import_batch", "7",
                municipality, school, "подробности «" + user + "»", Outcome.OK, null, null);
    }

    /** Five events: two months, three users, two municipalities, one of them at a school. */
    private void five() {
        log.append(event("2026-01-10T09:00:00Z", "m1", Action.LOGIN, m01, null));
        log.append(event("2026-01-20T09:00:00Z", "m1", Action.IMPORT, m01, null));
        log.append(event("2026-02-05T09:00:00Z", "s1", Action.LOGIN, m01, school1));
        log.append(event("2026-02-06T09:00:00Z", "m2", Action.IMPORT, m02, null));
        log.append(event("2026-02-07T09:00:00Z", "cli:ivan", Action.ANALYSIS_RUN, null, null));
    }

    private List<String> users(Scope scope, AuditLog.Filter filter) {
        return log.find(scope, filter, 0, 100).stream().map(r -> r.event().username()).toList();
    }

    @Test
    void appendedEventsAreChainedAndReadBackNewestFirst() {
        AuditEvent first = log.append(event("2026-01-10T09:00:00.123456Z", "m1", Action.LOGIN, m01, null));
        AuditEvent second = log.append(event("2026-01-10T09:01:00Z", "m1", Action.LOGOUT, m01, null));

        assertThat(first.id()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditEvent.GENESIS);
        assertThat(second.id()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).hasSize(64).isNotEqualTo(first.hash());
        List<AuditLog.Row> rows = log.find(Scope.region(), AuditLog.Filter.NONE, 0, 10);
        assertThat(rows).extracting(r -> r.event().action()).containsExactly(Action.LOGOUT, Action.LOGIN);
        // stored to the millisecond: what was hashed is what is read back
        assertThat(rows.get(1).event()).isEqualTo(first);
        assertThat(rows.get(1).event().at()).isEqualTo(Instant.parse("2026-01-10T09:00:00.123Z"));
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(2, null, null));
    }

    @Test
    void filtersByPeriodUserActionAndSchool() {
        five();

        assertThat(log.count(Scope.region(), AuditLog.Filter.NONE)).isEqualTo(5);
        // February 1 to 6 (inclusive, local days): s1 on the 5th, m2 on the 6th
        assertThat(users(Scope.region(), new AuditLog.Filter(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 6), null,
                null, null))).containsExactly("m2", "s1");
        assertThat(users(Scope.region(), new AuditLog.Filter(null, null, "M1", null, null)))
                .containsExactly("m1", "m1");
        assertThat(users(Scope.region(), new AuditLog.Filter(null, null, null, Action.IMPORT, null)))
                .containsExactly("m2", "m1");
        assertThat(users(Scope.region(), new AuditLog.Filter(null, null, null, null, "edu1"))).containsExactly("s1");
        AuditLog.Row atSchool = log.find(Scope.region(), new AuditLog.Filter(null, null, null, null, "edu1"), 0, 1).get(0);
        assertThat(atSchool.schoolName()).isEqualTo("Школа № 1");
        assertThat(atSchool.municipalityName()).isEqualTo("Первый");
        // paging: newest first, two by two
        assertThat(log.find(Scope.region(), AuditLog.Filter.NONE, 2, 2)).extracting(r -> r.event().username())
                .containsExactly("s1", "m1");
    }

    @Test
    void aMunicipalitySeesOnlyItsTerritoryAndASchoolOnlyItself() {
        five();

        assertThat(users(Scope.municipality(m01), AuditLog.Filter.NONE)).containsExactly("s1", "m1", "m1");
        assertThat(users(Scope.municipality(m02), AuditLog.Filter.NONE)).containsExactly("m2");
        assertThat(users(Scope.school(m01, school1), AuditLog.Filter.NONE)).containsExactly("s1");
        assertThat(log.usernames(Scope.municipality(m01))).containsExactly("m1", "s1");
        assertThat(log.usernames(Scope.region())).containsExactly("cli:ivan", "m1", "m2", "s1");
    }

    @Test
    void updateAndDeleteAreRefusedByTheDatabase() {
        five();

        assertThatThrownBy(() -> jdbc.sql("update audit_event set details = 'другое' where id = 2").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("только дополняется");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = 5").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("только дополняется");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(log.count(Scope.region(), AuditLog.Filter.NONE)).isEqualTo(5);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void onlyARestoreThatDeclaredItselfMayDeleteAndOnlyInsideItsTransaction() throws SQLException {
        five();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            AppendOnly.permitReplace(c);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("delete from audit_event")).isEqualTo(5);
            }
            c.rollback();
            AppendOnly.endReplace(c);
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("delete from audit_event"))
                        .hasMessageContaining("только дополняется");
            }
            c.rollback();
        }
        assertThat(log.count(Scope.region(), AuditLog.Filter.NONE)).isEqualTo(5);
    }

    @Test
    void aChangedRowIsFoundByTheChain() throws SQLException {
        five();
        // tampering as a database owner could: the guard dropped, one word of event 3 changed, the guard put back
        unguarded("update audit_event set details = 'подправлено' where id = 3");

        AuditLog.Verification v = log.verify();

        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenId()).isEqualTo(3);
        assertThat(v.problem()).isEqualTo("запись № 3 изменена после записи");
    }

    @Test
    void aDeletedRowIsFoundByTheChain() throws SQLException {
        five();
        unguarded("delete from audit_event where id = 2");

        AuditLog.Verification v = log.verify();

        assertThat(v.firstBrokenId()).isEqualTo(3);
        assertThat(v.problem()).startsWith("запись № 3 не продолжает предыдущую");
        // rows checked up to and including the broken one: 1, then 3
        assertThat(v.rows()).isEqualTo(2);
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String user = "u" + t;
                tasks.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        log.append(event("2026-03-01T10:00:00Z", user, Action.LOGIN, m01, null));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // 4 threads × 25 events
        assertThat(log.verify()).isEqualTo(new AuditLog.Verification(100, null, null));
        assertThat(jdbc.sql("select max(id) from audit_event").query(Long.class).single()).isEqualTo(100);
    }

    @Test
    void anEventRecordedInsideATransactionIsWrittenWhenItEndsAndSaysWhetherItWasCommitted() {
        long[] seenInside = new long[2];
        tx.executeWithoutResult(status -> {
            auditor.record("cli:ivan", Auditor.What.of(Action.IMPORT_ROLLBACK, "import_batch", 5, "отменена", Outcome.OK));
            seenInside[0] = log.count(Scope.region(), AuditLog.Filter.NONE);
        });
        tx.executeWithoutResult(status -> {
            auditor.record("cli:ivan", Auditor.What.of(Action.IMPORT_ROLLBACK, "import_batch", 6, "отменена", Outcome.OK));
            seenInside[1] = log.count(Scope.region(), AuditLog.Filter.NONE);
            status.setRollbackOnly();
        });

        // nothing is written while the work is open
        assertThat(seenInside).containsExactly(0, 1);
        List<AuditLog.Row> rows = log.find(Scope.region(), AuditLog.Filter.NONE, 0, 10);
        assertThat(rows).extracting(r -> r.event().objectId() + " " + r.event().outcome() + " " + r.event().details())
                .containsExactly("6 FAILED отменена — не выполнено: транзакция отменена", "5 OK отменена");
        assertThat(rows).allSatisfy(r -> assertThat(r.event().username()).isEqualTo("cli:ivan"));
    }

    /** Runs {@code sql} with the append-only triggers dropped, then creates them again. */
    private void unguarded(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (AppendOnly.isPostgres(c)) {
                s.execute("drop trigger audit_event_append_only on audit_event");
            } else {
                s.execute("drop trigger audit_event_no_update");
                s.execute("drop trigger audit_event_no_delete");
            }
            s.executeUpdate(sql);
            V22__Audit_log.guard(c);
        }
    }
}
