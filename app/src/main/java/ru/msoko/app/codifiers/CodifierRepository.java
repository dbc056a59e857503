package ru.msoko.app.codifiers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.fisoko.WorkCodifier;

/** Stored work descriptions: the newest import of each work is the one in force. */
@Repository
public class CodifierRepository {

    private final JdbcClient jdbc;

    CodifierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one work's description under an import; returns its id. */
    public long save(long importId, Procedure.Key work, long subjectId, WorkCodifier c) {
        jdbc.sql("""
                insert into work_codifier (import_id, kind, exam_year, subject_id, grade, source)
                values (:import, :kind, :year, :subject, :grade, :source)""")
                .param("import", importId).param("kind", work.kind().name()).param("year", work.year())
                .param("subject", subjectId).param("grade", work.grade()).param("source", c.source()).update();
        long id = jdbc.sql("""
                select id from work_codifier where import_id = :import and kind = :kind and exam_year = :year
                    and subject_id = :subject and grade = :grade""")
                .param("import", importId).param("kind", work.kind().name()).param("year", work.year())
                .param("subject", subjectId).param("grade", work.grade()).query(Long.class).single();
        for (WorkCodifier.Task t : c.tasks()) {
            jdbc.sql("""
                    insert into work_codifier_task (codifier_id, position_no, task_label, max_score, difficulty,
                        content_codes, requirement_codes, skills)
                    values (:id, :position, :label, :max, :level, :kes, :kt, :skills)""")
                    .param("id", id).param("position", t.position()).param("label", t.label())
                    .param("max", t.maxScore()).param("level", t.level().isEmpty() ? null : t.level())
                    .param("kes", String.join(";", t.contentCodes()))
                    .param("kt", String.join(";", t.requirementCodes()))
                    .param("skills", clip(t.skills(), 4000)).update();
        }
        saveCodes(id, "KS", c.contentElements());
        saveCodes(id, "KT", c.requirements());
        return id;
    }

    private void saveCodes(long id, String kind, Map<String, String> codes) {
        codes.forEach((code, text) -> jdbc.sql("""
                insert into work_codifier_code (codifier_id, kind, code, description)
                values (:id, :kind, :code, :text)""")
                .param("id", id).param("kind", kind).param("code", code).param("text", clip(text, 4000)).update());
    }

    /** The layout by position of a work from its newest stored description. */
    public Optional<TaskLayout> layout(Procedure.Key work) {
        List<TaskLayout.Task> tasks = tasks(work).stream().map(t -> new TaskLayout.Task(t.label(), t.maxScore())).toList();
        return tasks.isEmpty() ? Optional.empty() : Optional.of(new TaskLayout(tasks));
    }

    /** One task of a stored description, with the texts of its codes, for the pages that explain a task. */
    public record TaskInfo(String label, int maxScore, String level, String contentCodes, String requirementCodes,
                           String skills) {
    }

    /** The tasks of a work's newest stored description, by КИМ label. */
    public List<TaskInfo> tasks(Procedure.Key work) {
        return jdbc.sql("""
                select t.task_label, t.max_score, t.difficulty, t.content_codes, t.requirement_codes, t.skills
                from work_codifier_task t
                where t.codifier_id = (
                    select max(c.id) from work_codifier c join subject s on s.id = c.subject_id
                    where c.kind = :kind and c.exam_year = :year and s.code = :subject and c.grade = :grade)
                order by t.position_no""")
                .param("kind", work.kind().name()).param("year", work.year()).param("subject", work.subjectCode())
                .param("grade", work.grade())
                .query((rs, n) -> new TaskInfo(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
