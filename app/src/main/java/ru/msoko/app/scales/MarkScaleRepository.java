package ru.msoko.app.scales;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.ResultBlock;
import org.springframework.stereotype.Repository;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.scales.MarkScale;
import ru.msoko.core.scales.ScaleCorrection;

/** Stores mark scales with their bands and corrections, and gives stored results without a mark their mark. */
@Repository
public class MarkScaleRepository {

    /** A stored scale with its id (results point to the scale their mark came from). */
    public record Stored(long id, MarkScale scale) {
    }

    /** All stored scales of an installation (a few hundred at most), looked up by work and variant. */
    public static final class Snapshot {
        private final Map<String, Stored> byKey = new HashMap<>();

        private static String key(Procedure.Key work, String variant) {
            return work + "|" + (variant == null ? "" : variant.trim());
        }

        /** The scale of the variant, else the scale for every variant. */
        public Optional<Stored> find(Procedure.Key work, String variant) {
            return Optional.ofNullable(byKey.get(key(work, variant))).or(() -> Optional.ofNullable(byKey.get(key(work, ""))));
        }
    }

    private static final String SCALE_KEY = """
            kind = :kind and exam_year = :year and grade = :grade and variant = :variant
            and subject_id = (select id from subject where code = :subject)""";

    private final JdbcClient jdbc;

    private final ResultBlockRepository blocks;

    MarkScaleRepository(JdbcClient jdbc, ResultBlockRepository blocks) {
        this.jdbc = jdbc;
        this.blocks = blocks;
    }

    public Snapshot snapshot() {
        Map<Long, List<MarkScale.Band>> bands = new HashMap<>();
        jdbc.sql("select scale_id, mark, score_from, score_to from mark_scale_band")
                .query((rs, n) -> bands.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new MarkScale.Band(rs.getInt(2), rs.getInt(3), rs.getInt(4)))).list();
        Snapshot snapshot = new Snapshot();
        jdbc.sql("""
                select m.id, m.kind, m.exam_year, s.code, m.grade, m.variant, m.source, m.note
                from mark_scale m join subject s on s.id = m.subject_id""")
                .query((rs, n) -> new Stored(rs.getLong(1), new MarkScale(ProcedureKind.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getString(4), rs.getInt(5), rs.getString(6), bands.get(rs.getLong(1)),
                        rs.getString(7), rs.getString(8)))).list()
                .forEach(s -> snapshot.byKey.put(Snapshot.key(s.scale().key(), s.scale().variant()), s));
        return snapshot;
    }

    public long save(MarkScale scale, long importId) {
        jdbc.sql("""
                insert into mark_scale (import_id, kind, exam_year, subject_id, grade, variant, max_primary, source, note)
                select :import, :kind, :year, id, :grade, :variant, :max, :source, :note from subject where code = :subject""")
                .param("import", importId).params(keyParams(scale.kind(), scale.year(), scale.subjectCode(),
                        scale.grade(), scale.variant()))
                .param("max", scale.maxPrimary()).param("source", scale.source()).param("note", scale.note()).update();
        long id = jdbc.sql("select id from mark_scale where " + SCALE_KEY)
                .params(keyParams(scale.kind(), scale.year(), scale.subjectCode(), scale.grade(), scale.variant()))
                .query(Long.class).single();
        for (MarkScale.Band b : scale.bands()) {
            jdbc.sql("insert into mark_scale_band (scale_id, mark, score_from, score_to) values (:id, :mark, :from, :to)")
                    .param("id", id).param("mark", b.mark()).param("from", b.from()).param("to", b.to()).update();
        }
        return id;
    }

    /**
     * Gives the scale's marks to stored results of its work that have a primary score and no mark yet
     * (a file without marks imported before its scale); returns how many.
     */
    public int markStoredResults(long scaleId, MarkScale scale) {
        Procedure.Key work = new Procedure.Key(scale.kind(), scale.year(), scale.subjectCode(), scale.grade());
        return (int) blocks.change(action -> blocks.forEachOfProcedure(work, action), (block, row) -> {
            Result r = row.result();
            boolean unmarked = r.mark() == null && !r.absent() && r.primaryScore() != null
                    && r.primaryScore() < scale.maxPrimary() + 1
                    && (scale.variant().isEmpty() || scale.variant().equals(r.variant()));
            if (!unmarked) {
                return row;
            }
            OptionalInt mark = scale.mark(r.primaryScore());
            return new ResultBlock.Row(r.withMark(mark.isPresent() ? mark.getAsInt() : null), scaleId,
                    row.giaScaleId());
        });
    }

    public List<ScaleCorrection> corrections() {
        return jdbc.sql("""
                select c.kind, c.exam_year, s.code, c.grade, c.variant, c.mark, c.score_from, c.score_to,
                       c.confirmed_by, c.reason
                from mark_scale_correction c join subject s on s.id = c.subject_id order by c.id""")
                .query((rs, n) -> new ScaleCorrection(ProcedureKind.valueOf(rs.getString(1)), rs.getInt(2),
                        rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                        rs.getString(9), rs.getString(10))).list();
    }

    public void save(ScaleCorrection c, long importId) {
        jdbc.sql("""
                insert into mark_scale_correction (import_id, kind, exam_year, subject_id, grade, variant, mark,
                    score_from, score_to, confirmed_by, reason)
                select :import, :kind, :year, id, :grade, :variant, :mark, :from, :to, :by, :reason
                from subject where code = :subject""")
                .param("import", importId).params(keyParams(c.kind(), c.year(), c.subjectCode(), c.grade(), c.variant()))
                .param("mark", c.mark()).param("from", c.from()).param("to", c.to()).param("by", c.confirmedBy())
                .param("reason", c.reason()).update();
    }

    private static Map<String, Object> keyParams(ProcedureKind kind, int year, String subject, int grade, String variant) {
        return Map.of("kind", kind.name(), "year", year, "subject", subject, "grade", grade, "variant", variant);
    }
}
