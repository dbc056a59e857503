package ru.msoko.app.imports;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.core.canonical.ParticipantIndex;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.TaskLayout;

/**
 * Finds or creates the assessment (procedure) rows an import writes into, inside the import's
 * transaction, and knows which participants each already has so that a file cannot add a second
 * result for the same participant.
 */
final class AssessmentRegistry {

    /** The "row" of a participant whose result an earlier import stored. */
    static final long STORED = 0;

    /**
     * An assessment as this import sees it.
     *
     * @param participants the participants stored before ({@link #STORED}) and those of this file so far, with their row
     */
    record Entry(long id, TaskLayout layout, ParticipantIndex participants) {
    }

    private final JdbcClient jdbc;
    private final DirectorySnapshot directory;
    private final Map<Procedure.Key, Entry> entries = new HashMap<>();

    private final ResultBlockRepository blocks;

    AssessmentRegistry(JdbcClient jdbc, DirectorySnapshot directory, ResultBlockRepository blocks) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.blocks = blocks;
    }

    /**
     * @return the entry, or {@code null} when the stored task layout differs from the file's (the caller reports it)
     */
    Entry resolve(Procedure.Key key, TaskLayout fileLayout) {
        Entry e = entries.get(key);
        if (e == null) {
            e = load(key, fileLayout);
            entries.put(key, e);
        }
        if (!fileLayout.isEmpty() && !e.layout().isEmpty() && !fitsWithin(fileLayout, e.layout())) {
            return null;
        }
        return e;
    }

    /**
     * The same tasks with maxima no higher than the stored ones. A file whose maxima were observed in its rows
     * (a РЦОИ sheet, a positional export without codifier) may see a lower maximum than an earlier file of the
     * same exam — a reserve day where nobody scored full marks on a task — and its scores still fit the work.
     */
    static boolean fitsWithin(TaskLayout file, TaskLayout stored) {
        if (file.size() != stored.size()) {
            return false;
        }
        for (int i = 0; i < file.size(); i++) {
            TaskLayout.Task f = file.tasks().get(i);
            TaskLayout.Task s = stored.tasks().get(i);
            if (!f.label().equals(s.label()) || f.maxScore() > s.maxScore()) {
                return false;
            }
        }
        return true;
    }

    TaskLayout storedLayout(Procedure.Key key) {
        Entry e = entries.get(key);
        return e == null ? TaskLayout.EMPTY : e.layout();
    }

    private Entry load(Procedure.Key key, TaskLayout fileLayout) {
        long subjectId = directory.subjectId(key.subjectCode());
        var existing = jdbc.sql("""
                select id, task_layout from assessment
                where kind = :kind and exam_year = :year and subject_id = :subject and grade = :grade""")
                .param("kind", key.kind().name()).param("year", key.year()).param("subject", subjectId)
                .param("grade", key.grade())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        if (existing.isEmpty()) {
            jdbc.sql("""
                    insert into assessment (kind, exam_year, subject_id, grade, task_layout)
                    values (:kind, :year, :subject, :grade, :layout)""")
                    .param("kind", key.kind().name()).param("year", key.year()).param("subject", subjectId)
                    .param("grade", key.grade()).param("layout", fileLayout.isEmpty() ? null : fileLayout.format())
                    .update();
            long id = jdbc.sql("""
                    select id from assessment
                    where kind = :kind and exam_year = :year and subject_id = :subject and grade = :grade""")
                    .param("kind", key.kind().name()).param("year", key.year()).param("subject", subjectId)
                    .param("grade", key.grade()).query(Long.class).single();
            return new Entry(id, fileLayout, new ParticipantIndex());
        }
        long id = (Long) existing.get()[0];
        TaskLayout stored = TaskLayout.parse((String) existing.get()[1]);
        if (stored.isEmpty() && !fileLayout.isEmpty()) {
            jdbc.sql("update assessment set task_layout = :layout where id = :id")
                    .param("layout", fileLayout.format()).param("id", id).update();
            stored = fileLayout;
        }
        // until this transaction ends no other import can add to the procedure: the participants read next stay all
        blocks.lockAssessment(id);
        ParticipantIndex participants = new ParticipantIndex();
        blocks.forEachOfAssessment(id, block -> block.rows()
                .forEach(row -> participants.putIfAbsent(row.result().participant(), STORED)));
        return new Entry(id, stored, participants);
    }
}
