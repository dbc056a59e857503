package ru.msoko.app.textbooks;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.msoko.core.fisoko.TextbookCode;

/** Stored textbook lists: the newest import that names a code gives its description. */
@Repository
public class TextbookRepository {

    private final JdbcClient jdbc;

    TextbookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one textbook under an import; {@code subjectId} is {@code null} when the directory lacks the subject. */
    public void save(long importId, TextbookCode textbook, Long subjectId, String description) {
        jdbc.sql("""
                insert into textbook (import_id, code, subject_prefix, subject_id, grade, description)
                values (:import, :code, :prefix, :subject, :grade, :description)""")
                .param("import", importId).param("code", textbook.code()).param("prefix", textbook.prefix())
                .param("subject", subjectId).param("grade", textbook.grade()).param("description", description)
                .update();
    }

    /**
     * The description of a textbook code as a form writes it ({@code MA4.8} or {@code ma4.8 | 1.1.3.1.8.4 | …}: the
     * part before the first «|»), from the newest import that has it; empty for a code no list names.
     */
    public Optional<String> describe(String code) {
        String key = TextbookCode.normalise(code.split("\\|", 2)[0]);
        return jdbc.sql("""
                select description from textbook
                where code = :code and import_id = (select max(import_id) from textbook where code = :code)""")
                .param("code", key).query(String.class).optional();
    }
}
