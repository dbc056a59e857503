package ru.msoko.app.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.core.domain.ResultBlock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.scales.GiaScaleRepository;
import ru.msoko.app.security.Scope;
import ru.msoko.core.text.RussianPlural;

/**
 * Removes everything one import stored, in one transaction, and keeps the import in the log as rolled back.
 * Schools and municipalities it created stay in the directory (other imports may refer to them), and
 * analysis runs keep their numbers (they are a record of what was computed then).
 */
@Service
public class ImportRollback {

    /**
     * Tables whose rows belong to one import, children before parents. {@code ImportRollbackTest} checks that
     * every table with an {@code import_id} column is here, so a new kind of data cannot escape a rollback.
     */
    static final List<String> TABLES_BY_IMPORT = List.of("result_block", "result_summary", "official_marker", "mark_scale_correction",
            "mark_scale", "work_codifier", "exam_school_summary", "journal_mark_distribution", "gia_scale",
            "school_context", "textbook");

    /** Rows that belong to an import through their parent: deleted before it. */
    private static final Map<String, List<String>> CHILDREN = Map.of(
            "mark_scale", List.of("delete from mark_scale_band where scale_id in (select id from mark_scale where import_id = :id)"),
            "work_codifier", List.of(
                    "delete from work_codifier_task where codifier_id in (select id from work_codifier where import_id = :id)",
                    "delete from work_codifier_code where codifier_id in (select id from work_codifier where import_id = :id)"),
            "gia_scale", List.of(
                    "delete from gia_scale_band where scale_id in (select id from gia_scale where import_id = :id)",
                    "delete from gia_scale_point where scale_id in (select id from gia_scale where import_id = :id)",
                    "delete from gia_scale_rule where scale_id in (select id from gia_scale where import_id = :id)"),
            "school_context", List.of(
                    "delete from school_context_answer where context_id in (select id from school_context where import_id = :id)"));

    /** Directory files: their schools are shared by every later import, so they are corrected, not rolled back. */
    private static final java.util.Set<String> DIRECTORIES = java.util.Set.of(FileFormat.SCHOOLS_CSV.title(),
            FileFormat.LOGIN_LIST_XLSX.title());

    static boolean isDirectory(String formatTitle) {
        return DIRECTORIES.contains(formatTitle);
    }

    /** What a rollback did, or why it did not. */
    public sealed interface Outcome {
        String message();

        record RolledBack(long id, String fileName, long rowsRemoved) implements Outcome {
            @Override
            public String message() {
                return "загрузка № " + id + " («" + fileName + "») отменена: удалено " + rowsRemoved + "\u00A0"
                        + RussianPlural.of(rowsRemoved, "запись", "записи", "записей");
            }
        }

        record Refused(String message) implements Outcome {
        }
    }

    private final JdbcClient jdbc;
    private final ImportLog log;
    private final GiaScaleRepository giaScales;
    private final Auditor auditor;

    private final ResultAggregates aggregates;
    private final ResultBlockRepository blocks;

    ImportRollback(JdbcClient jdbc, ImportLog log, GiaScaleRepository giaScales, Auditor auditor,
                   ResultAggregates aggregates, ResultBlockRepository blocks) {
        this.blocks = blocks;
        this.aggregates = aggregates;
        this.auditor = auditor;
        this.jdbc = jdbc;
        this.log = log;
        this.giaScales = giaScales;
    }

    /**
     * @param user who rolls back (a login or {@code cli:<os user>})
     * @param onlyOwn a municipality user may roll back only the imports they made
     */
    @Transactional
    public Outcome rollback(long id, String user, boolean onlyOwn) {
        return rollback(Scope.region(), id, user, onlyOwn);
    }

    /**
     * Rolls back as a user of the web app: an import made outside the user's territory is answered like one that
     * is not in the log (its existence and maker are not told); below the region only one's own imports.
     */
    @Transactional
    public Outcome rollback(Scope scope, long id, String user) {
        return rollback(scope, id, user, !scope.isRegion());
    }

    private Outcome rollback(Scope scope, long id, String user, boolean onlyOwn) {
        Outcome outcome = rollbackUnaudited(scope, id, user, onlyOwn);
        auditor.record(user, Auditor.What.of(Action.IMPORT_ROLLBACK, "import_batch", id, outcome.message(),
                outcome instanceof Outcome.RolledBack ? ru.msoko.app.audit.Outcome.OK : ru.msoko.app.audit.Outcome.REFUSED));
        return outcome;
    }

    private Outcome rollbackUnaudited(Scope scope, long id, String user, boolean onlyOwn) {
        var entry = log.find(scope, id);
        if (entry.isEmpty()) {
            return new Outcome.Refused("загрузки № " + id + " нет в журнале");
        }
        var e = entry.get();
        if (e.rolledBack()) {
            return new Outcome.Refused("загрузка № " + id + " уже отменена " + e.rolledBackWhen() + " (" + e.rolledBackBy() + ")");
        }
        if (onlyOwn && !e.importedBy().equals(user)) {
            return new Outcome.Refused("загрузку № " + id + " сделал другой пользователь (" + e.importedBy()
                    + "): отменить её может он или пользователь с правом загрузки для всего региона");
        }
        if (isDirectory(e.format())) {
            return new Outcome.Refused("загрузка № " + id + " — справочник школ: школы из него могут быть в других "
                    + "загрузках, поэтому справочник не отменяется; исправьте его, загрузив исправленный файл");
        }
        boolean giaScalesGone = giaScales.release(id);
        boolean marksReleased = releaseScaleMarks(id) > 0;
        long removed = 0;
        for (String table : TABLES_BY_IMPORT) {
            for (String children : CHILDREN.getOrDefault(table, List.of())) {
                jdbc.sql(children).param("id", id).update();
            }
            // a block holds many results: the user is told how many records of the file went
            long deleted = table.equals("result_block") ? blocks.deleteImport(id)
                    : jdbc.sql("delete from " + table + " where import_id = :id").param("id", id).update();
            // the aggregates are derived from the results
            removed += table.equals("result_summary") ? 0 : deleted;
        }
        forgetEmptyLayouts();
        if (giaScalesGone) {
            giaScales.markStoredResults();
        }
        if (marksReleased || giaScalesGone) {
            // the marks of other imports' results changed with a scale; otherwise only this import's aggregates
            // went, deleted with it above (recomputing reads every stored result: seconds on a region's database)
            aggregates.recomputeAll();
        }
        jdbc.sql("""
                update import_batch set state = :state, rolled_back_at = :now, rolled_back_by = :user,
                    original_hash = content_hash, content_hash = :freed where id = :id""")
                .param("state", ImportLog.ROLLED_BACK).param("now", OffsetDateTime.now()).param("user", user)
                .param("freed", "rolled-back:" + id).param("id", id).update();
        return new Outcome.RolledBack(id, e.fileName(), removed);
    }

    /**
     * Marks that other imports' results got from a scale of this import are taken away with the scale; they
     * come back when a scale for the work is loaded again; those of a ГИА scale come back at once from the
     * earlier version still in force (see {@link GiaScaleRepository#markStoredResults()}). Returns how many results
     * lost their mark; the results themselves stay.
     */
    private long releaseScaleMarks(long id) {
        Set<Long> released = Set.copyOf(jdbc.sql("select id from mark_scale where import_id = :id").param("id", id)
                .query(Long.class).list());
        if (released.isEmpty()) {
            return 0;
        }
        return blocks.change(blocks::forEach, (block, row) -> row.markScaleId() == null
                || !released.contains(row.markScaleId()) ? row
                : new ResultBlock.Row(row.result().withMark(null), null, row.giaScaleId()));
    }

    /** A procedure without any result left forgets its task layout, so that a corrected file may bring another. */
    private void forgetEmptyLayouts() {
        jdbc.sql("""
                update assessment set task_layout = null
                where task_layout is not null and not exists (select 1 from result_block r where r.assessment_id = assessment.id)
                  and not exists (select 1 from result_summary v where v.assessment_id = assessment.id)""")
                .update();
    }
}
