package ru.msoko.app.scales;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.ResultBlock;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.domain.TaskScores;
import ru.msoko.core.scales.GiaScale;
import ru.msoko.core.scales.MarkScale;

/**
 * Stores ГИА scales as versioned reference data (V15): every import of a scale is a new row, the newest of a
 * key is in force. Results without a mark (ОГЭ, ГВЭ) or test score (ЕГЭ) get them from it.
 */
@Repository
public class GiaScaleRepository {

    /** A stored version of a scale, with its id and the import it came with. */
    public record Stored(long id, long importId, GiaScale scale) {
    }

    /** The scales in force (the newest version of each key), looked up by work, variant and form. */
    public static final class Snapshot {
        private final Map<GiaScale.Key, Stored> newest = new LinkedHashMap<>();

        /** The newest stored version of exactly this key. */
        public Optional<Stored> exact(GiaScale.Key key) {
            return Optional.ofNullable(newest.get(key));
        }

        /**
         * The scale for a result: of its variant, else for every variant; of the one form stored for the work (a
         * results file does not say the form), or of no particular form. Empty when there is none or the forms
         * are several.
         */
        public Optional<Stored> find(Procedure.Key work, String variant) {
            String v = GiaScale.Key.variant(variant);
            List<Stored> forVariant = candidates(work, v);
            List<Stored> found = forVariant.isEmpty() && !v.isEmpty() ? candidates(work, "") : forVariant;
            if (found.size() == 1) {
                return Optional.of(found.get(0));
            }
            return found.stream().filter(s -> s.scale().key().form().isEmpty()).findFirst();
        }

        private List<Stored> candidates(Procedure.Key work, String variant) {
            return newest.values().stream().filter(s -> {
                GiaScale.Key k = s.scale().key();
                return k.kind() == work.kind() && k.year() == work.year() && k.subjectCode().equals(work.subjectCode())
                        && k.grade() == work.grade() && k.variant().equals(variant);
            }).toList();
        }
    }

    private final JdbcClient jdbc;

    /** The procedures whose marks and test scores ГИА scales give. */
    private static final Set<ProcedureKind> GIA = Set.of(ProcedureKind.OGE, ProcedureKind.GVE9, ProcedureKind.EGE,
            ProcedureKind.GVE11);

    private final ResultBlockRepository blocks;

    GiaScaleRepository(JdbcClient jdbc, ResultBlockRepository blocks) {
        this.jdbc = jdbc;
        this.blocks = blocks;
    }

    public Snapshot snapshot() {
        Map<Long, List<MarkScale.Band>> bands = new HashMap<>();
        jdbc.sql("select scale_id, mark, score_from, score_to from gia_scale_band")
                .query((rs, n) -> bands.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new MarkScale.Band(rs.getInt(2), rs.getInt(3), rs.getInt(4)))).list();
        Map<Long, List<GiaScale.Point>> points = new HashMap<>();
        jdbc.sql("select scale_id, primary_score, test_score from gia_scale_point")
                .query((rs, n) -> points.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new GiaScale.Point(rs.getInt(2), rs.getInt(3)))).list();
        Map<Long, List<GiaScale.Rule>> rules = new HashMap<>();
        jdbc.sql("select scale_id, mark, tasks, min_sum from gia_scale_rule order by scale_id, rule_no")
                .query((rs, n) -> rules.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new GiaScale.Rule(rs.getInt(2), Arrays.asList(rs.getString(3).split(" ")), rs.getInt(4))))
                .list();
        Snapshot snapshot = new Snapshot();
        jdbc.sql("""
                select g.id, g.import_id, g.kind, g.exam_year, s.code, g.grade, g.form, g.variant, g.min_test_score,
                       g.admission_score, g.source, g.note
                from gia_scale g join subject s on s.id = g.subject_id order by g.id""")
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    GiaScale.Key key = new GiaScale.Key(ProcedureKind.valueOf(rs.getString(3)), rs.getInt(4),
                            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8));
                    return new Stored(id, rs.getLong(2), new GiaScale(key, bands.getOrDefault(id, List.of()),
                            points.getOrDefault(id, List.of()), (Integer) rs.getObject(9, Integer.class),
                            rs.getObject(10, Integer.class), rules.getOrDefault(id, List.of()), rs.getString(11),
                            rs.getString(12)));
                }).list()
                .forEach(s -> snapshot.newest.put(s.scale().key(), s));
        return snapshot;
    }

    /** Stores a new version of a scale under an import; returns its id. */
    public long save(GiaScale scale, long importId) {
        GiaScale.Key k = scale.key();
        Map<String, Object> key = Map.of("import", importId, "kind", k.kind().name(), "year", k.year(),
                "subject", k.subjectCode(), "grade", k.grade(), "form", k.form(), "variant", k.variant());
        jdbc.sql("""
                insert into gia_scale (import_id, kind, exam_year, subject_id, grade, form, variant, min_test_score,
                    admission_score, source, note)
                select :import, :kind, :year, id, :grade, :form, :variant, :minimum, :admission, :source, :note
                from subject where code = :subject""")
                .params(key).param("minimum", scale.minimum()).param("admission", scale.admissionMinimum())
                .param("source", clip(scale.source())).param("note", clip(scale.note())).update();
        long id = jdbc.sql("""
                select id from gia_scale where import_id = :import and kind = :kind and exam_year = :year
                    and grade = :grade and form = :form and variant = :variant
                    and subject_id = (select id from subject where code = :subject)""")
                .params(key).query(Long.class).single();
        for (MarkScale.Band b : scale.bands()) {
            jdbc.sql("insert into gia_scale_band (scale_id, mark, score_from, score_to) values (:id, :mark, :from, :to)")
                    .param("id", id).param("mark", b.mark()).param("from", b.from()).param("to", b.to()).update();
        }
        for (GiaScale.Point p : scale.table()) {
            jdbc.sql("insert into gia_scale_point (scale_id, primary_score, test_score) values (:id, :primary, :test)")
                    .param("id", id).param("primary", p.primary()).param("test", p.test()).update();
        }
        int no = 0;
        for (GiaScale.Rule r : scale.rules()) {
            jdbc.sql("""
                    insert into gia_scale_rule (scale_id, rule_no, mark, tasks, min_sum)
                    values (:id, :no, :mark, :tasks, :sum)""")
                    .param("id", id).param("no", ++no).param("mark", r.mark()).param("tasks", String.join(" ", r.tasks()))
                    .param("sum", r.minSum()).update();
        }
        return id;
    }

    /**
     * Gives the scales in force to the stored results whose mark and test score are the scales' to give: those
     * with a primary score and neither (a file imported before its scale, or whose scale was rolled back), and
     * those computed from an earlier version of a scale (the newest applies). Returns how many got a mark or
     * test score from another scale than before.
     */
    public int markStoredResults() {
        Snapshot scales = snapshot();
        int[] marked = {0};
        blocks.change(action -> blocks.forEachOfKinds(GIA, action), (block, row) -> {
            Result r = row.result();
            Long before = row.giaScaleId();
            if (!(before != null || r.mark() == null && r.testScore() == null) || r.absent() || r.primaryScore() == null) {
                return row;
            }
            Stored scale = scales.find(r.procedure(), r.variant()).orElse(null);
            GiaScale.Grading g = scale == null ? null
                    : scale.scale().grade(r.primaryScore(), GiaScale.byLabel(block.layout(), r.tasks()));
            boolean given = g != null && (g.mark() != null || g.test() != null);
            Long by = given ? Long.valueOf(scale.id()) : null;
            Integer mark = given ? g.mark() : null;
            Double test = given && g.test() != null ? Double.valueOf(g.test()) : null;
            marked[0] += given && !by.equals(before) ? 1 : 0;
            if (Objects.equals(by, before) && Objects.equals(mark, r.mark()) && Objects.equals(test, r.testScore())) {
                return row;
            }
            return new ResultBlock.Row(r.withMark(mark).withTestScore(test), row.markScaleId(), by);
        });
        return marked[0];
    }

    /**
     * Takes away the marks and test scores the scales of an import gave, before they are deleted; then the
     * scales left in force give them again.
     *
     * @return whether the import had ГИА scales
     */
    public boolean release(long importId) {
        if (jdbc.sql("select count(*) from gia_scale where import_id = :id").param("id", importId).query(Long.class)
                .single() == 0) {
            return false;
        }
        Set<Long> released = Set.copyOf(jdbc.sql("select id from gia_scale where import_id = :id")
                .param("id", importId).query(Long.class).list());
        blocks.change(action -> blocks.forEachOfKinds(GIA, action), (block, row) ->
                row.giaScaleId() == null || !released.contains(row.giaScaleId()) ? row
                        : new ResultBlock.Row(row.result().withMark(null).withTestScore(null), row.markScaleId(), null));
        return true;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
