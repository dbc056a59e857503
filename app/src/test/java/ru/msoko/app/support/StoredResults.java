package ru.msoko.app.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.ResultBlock;
import ru.msoko.core.domain.TaskLayout;

/**
 * The stored results as rows, for tests: what {@code select … from result} gave before results were stored as blocks
 * (V28). {@code id} numbers the rows in the order they were written (block by block), as the old identity did.
 * Reads with plain SQL and {@link ResultBlock#decode}, not through the application's repository, so a test that
 * checks the repository does not check it against itself.
 */
public final class StoredResults {

    /** One stored result with the columns the old {@code result} table had, plus the codes it joined to. */
    public record Row(long id, long importId, long assessmentId, long schoolId, String schoolCode, ProcedureKind kind,
                      int year, String subjectCode, int grade, Result result, Long markScaleId, Long giaScaleId) {
        public String participant() {
            return result.participant();
        }

        public boolean absent() {
            return result.absent();
        }

        public Integer mark() {
            return result.mark();
        }

        public Double primaryScore() {
            return result.primaryScore();
        }

        public Double testScore() {
            return result.testScore();
        }

        public Boolean passed() {
            return result.passed();
        }

        public Integer journalMark() {
            return result.journalMark();
        }

        public Integer annualMark() {
            return result.annualMark();
        }

        public String classLabel() {
            return result.classLabel();
        }

        public String variant() {
            return result.variant();
        }

        public LocalDate takenOn() {
            return result.date();
        }

        /** The task scores packed as the old {@code tasks} column held them ({@code "12-0"}), or null. */
        public String tasks() {
            return result.tasks() == null ? null : result.tasks().pack();
        }

        /** The olympiad status name ({@code WINNER}…) as the old {@code olympiad_status} column held it, or null. */
        public String olympiadStatus() {
            return result.status() == null ? null : result.status().name();
        }

        /** The gender label ({@code м}/{@code ж}) as the old {@code gender} column held it, or null. */
        public String gender() {
            return result.gender() == null ? null : result.gender().label();
        }
    }

    private StoredResults() {
    }

    /** Every stored result, in the order written. */
    public static List<Row> all(JdbcClient jdbc) {
        List<Row> out = new ArrayList<>();
        jdbc.sql("""
                select b.import_id, b.assessment_id, b.school_id, s.code, a.kind, a.exam_year, sub.code, a.grade, b.data
                from result_block b join school s on s.id = b.school_id join assessment a on a.id = b.assessment_id
                join subject sub on sub.id = a.subject_id order by b.id""")
                .query(rs -> {
                    ProcedureKind kind = ProcedureKind.valueOf(rs.getString(5));
                    Procedure.Key key = new Procedure.Key(kind, rs.getInt(6), rs.getString(7), rs.getInt(8));
                    for (ResultBlock.Row r : ResultBlock.decode(rs.getBytes(9), key, rs.getString(4))) {
                        out.add(new Row(out.size() + 1L, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                kind, key.year(), key.subjectCode(), key.grade(), r.result(), r.markScaleId(),
                                r.giaScaleId()));
                    }
                });
        return out;
    }

    /** The stored results that pass the filter, in the order written. */
    public static List<Row> where(JdbcClient jdbc, Predicate<Row> filter) {
        return all(jdbc).stream().filter(filter).toList();
    }

    /** How many results are stored (the blocks' row counts, without decoding). */
    public static long count(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(sum(row_count), 0) from result_block").query(Long.class).single();
    }

    /** How many stored results pass the filter. */
    public static long count(JdbcClient jdbc, Predicate<Row> filter) {
        return all(jdbc).stream().filter(filter).count();
    }

    /**
     * What the view {@code result_live_stats} of V23 gave (dropped with the row table in V28), computed here from the
     * decoded rows: per import, procedure and school, in that order, count(*), the absent and not absent, count and
     * sum of primary and test scores of those not absent, and of every row the marks 2–5, passed true/false and the
     * olympiad statuses WINNER and PRIZE_WINNER.
     */
    public static List<Aggregate> aggregates(JdbcClient jdbc) {
        java.util.Map<List<Long>, List<Row>> groups = new java.util.TreeMap<>(java.util.Comparator
                .<List<Long>, Long>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        for (Row r : all(jdbc)) {
            groups.computeIfAbsent(List.of(r.importId(), r.assessmentId(), r.schoolId()), k -> new ArrayList<>()).add(r);
        }
        List<Aggregate> out = new ArrayList<>();
        groups.forEach((key, rows) -> {
            List<Row> present = rows.stream().filter(r -> !r.absent()).toList();
            List<Double> primary = present.stream().map(Row::primaryScore).filter(v -> v != null).toList();
            List<Double> test = present.stream().map(Row::testScore).filter(v -> v != null).toList();
            long[] marks = new long[4];
            rows.stream().filter(r -> r.mark() != null && r.mark() >= 2 && r.mark() <= 5)
                    .forEach(r -> marks[r.mark() - 2]++);
            out.add(new Aggregate(key.get(0), key.get(1), key.get(2), rows.size(), present.size(),
                    rows.size() - present.size(), primary.size(), primary.stream().mapToDouble(Double::doubleValue).sum(),
                    test.size(), test.stream().mapToDouble(Double::doubleValue).sum(), marks,
                    rows.stream().filter(r -> Boolean.TRUE.equals(r.passed())).count(),
                    rows.stream().filter(r -> Boolean.FALSE.equals(r.passed())).count(),
                    rows.stream().filter(r -> "WINNER".equals(r.olympiadStatus())).count(),
                    rows.stream().filter(r -> "PRIZE_WINNER".equals(r.olympiadStatus())).count()));
        });
        return out;
    }

    /** One line of {@link #aggregates}; {@code marks} counts the marks 2, 3, 4, 5. */
    public record Aggregate(long importId, long assessmentId, long schoolId, long rowsTotal, long participants,
                            long absent, long primaryN, double primarySum, long testN, double testSum, long[] marks,
                            long passed, long failed, long winners, long prizeWinners) {
    }

    /** The task layout of a stored procedure, for tests that check scores by task label. */
    public static TaskLayout layout(JdbcClient jdbc, long assessmentId) {
        return TaskLayout.parse(jdbc.sql("select task_layout from assessment where id = :id").param("id", assessmentId)
                .query(String.class).single());
    }
}
