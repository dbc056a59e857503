package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.context.ContextRow;
import ru.msoko.core.context.SchoolContextXlsx;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolIdentifier;

/**
 * Imports a ФИС ОКО school context form as the context of its year, inside the caller's transaction. Schools are
 * matched by login through the identifier directory (sch… and edu… spellings alike). As for the lists of
 * schools with objectivity markers, a login the directory lacks rejects the file, with the nearest known codes,
 * unless the user asks to create missing schools (then with the form's name and municipality, or the
 * municipality the user gave): load the login list ({@code logins.xlsx}) or {@code schools.csv} first.
 */
@Component
class ContextImport {

    private static final int BATCH = 5000;
    private static final int NOTES_SHOWN = 5;

    private final DirectoryRepository directory;
    private final ImportLog log;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ContextImport(DirectoryRepository directory, ImportLog log, JdbcClient jdbc, JdbcTemplate template) {
        this.directory = directory;
        this.log = log;
        this.jdbc = jdbc;
        this.template = template;
    }

    ImportOutcome run(Path file, String fileName, String hash, String user, ImportOptions options, TransactionStatus status) {
        SchoolContextXlsx.Summary read;
        try {
            read = SchoolContextXlsx.read(file, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = new ArrayList<>(read.problems());
        int created = problems.isEmpty() ? matchSchools(read, fileName, options, problems) : 0;
        if (!problems.isEmpty()) {
            status.setRollbackOnly();
            return new ImportOutcome.Rejected(fileName, problems, problems.size());
        }
        long batch = log.start(fileName, hash, FileFormat.SCHOOL_CONTEXT_XLSX.title(), user);
        DirectorySnapshot known = directory.snapshot();
        List<Answer> answers = new ArrayList<>();
        for (ContextRow r : read.rows()) {
            long school = known.schoolId(known.schoolCode(r.login(), r.year()).orElseThrow());
            long context = insert(batch, school, r);
            int position = 0;
            for (Map.Entry<String, String> a : r.answers().entrySet()) {
                answers.add(new Answer(context, ++position, a.getKey(), a.getValue()));
            }
        }
        for (int from = 0; from < answers.size(); from += BATCH) {
            template.batchUpdate("insert into school_context_answer (context_id, position_no, question, answer) values (?, ?, ?, ?)",
                    new AnswerSetter(answers.subList(from, Math.min(answers.size(), from + BATCH))));
        }
        List<String> warnings = warnings(read, created);
        log.finish(batch, read.rows().size(), read.rows().size(), 0, warnings);
        return new ImportOutcome.Imported(fileName, batch, FileFormat.SCHOOL_CONTEXT_XLSX.title(), read.rows().size(),
                read.rows().size(), 0, warnings);
    }

    /** Resolves every login; unknown ones are created (when asked) or become problems. Returns how many were created. */
    private int matchSchools(SchoolContextXlsx.Summary read, String fileName, ImportOptions options, List<Problem> problems) {
        DirectorySnapshot known = directory.snapshot();
        int created = 0;
        Map<String, ContextRow> bySchool = new HashMap<>();
        for (ContextRow r : read.rows()) {
            Optional<String> code = known.schoolCode(r.login(), r.year());
            if (code.isPresent()) {
                ContextRow earlier = bySchool.putIfAbsent(code.get(), r);
                if (earlier != null) {
                    problems.add(new Problem(fileName, r.sheet(), r.row(), r.loginColumn(), "логин «" + r.login()
                            + "» — та же школа «" + code.get() + "», что и логин «" + earlier.login() + "» в строке "
                            + earlier.row() + ": у школы одна строка формы за год"));
                }
                continue;
            }
            if (options.createMissing()) {
                create(r, fileName, options.municipalityCode());
                created++;
            } else {
                problems.add(new Problem(fileName, r.sheet(), r.row(), r.loginColumn(), known.unknownSchool(r.login(), r.year())
                        + " — сначала загрузите справочник школ (список логинов ФИС ОКО или schools.csv) "
                        + "или используйте --create-missing"));
            }
        }
        return created;
    }

    /** A school of the form the directory lacks, with the form's name and municipality (else the user's, else «не указан»). */
    private void create(ContextRow r, String fileName, String userMunicipality) {
        String municipality;
        if (r.municipalityName() != null) {
            municipality = directory.ensureMunicipality(r.municipalityCode(), r.municipalityName()).code();
        } else if (userMunicipality != null && !userMunicipality.isBlank()) {
            municipality = userMunicipality;
            try {
                directory.municipalityId(municipality);
            } catch (IllegalArgumentException e) {
                throw new InputException(Problem.ofFile(fileName, "муниципалитет «" + municipality + "» (--municipality) не найден"));
            }
        } else {
            municipality = directory.ensureMunicipality(null, "не указан").code();
        }
        directory.saveSchool(new School(r.login(), r.name() == null ? r.login() : r.name(), municipality, null, null,
                SchoolContext.unknown(), List.of(SchoolIdentifier.parse(r.login()))), directory.municipalityId(municipality));
    }

    private long insert(long batch, long school, ContextRow r) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into school_context (import_id, school_id, context_year, pupils, teachers, settlement, school_type,
                    ovz_share, non_native_share)
                values (:batch, :school, :year, :pupils, :teachers, :settlement, :type, :ovz, :lang)""")
                .param("batch", batch).param("school", school).param("year", r.year())
                .param("pupils", r.pupils(), Types.INTEGER).param("teachers", r.teachers(), Types.INTEGER)
                .param("settlement", r.settlement() == null ? null : r.settlement().name(), Types.VARCHAR)
                .param("type", r.schoolType() == null ? null : r.schoolType().name(), Types.VARCHAR)
                .param("ovz", r.ovzShare(), Types.DOUBLE).param("lang", r.nonNativeShare(), Types.DOUBLE)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static List<String> warnings(SchoolContextXlsx.Summary read, int created) {
        List<String> warnings = new ArrayList<>();
        warnings.add("контекстные данные за " + read.year() + " год: " + read.rows().size() + " ОО");
        if (created > 0) {
            warnings.add("создано школ из формы: " + created);
        }
        if (!read.notes().isEmpty()) {
            warnings.add("доля обучающихся по АОП (ОВЗ) не вычислена у " + read.notes().size() + " ОО: "
                    + String.join("; ", read.notes().subList(0, Math.min(NOTES_SHOWN, read.notes().size())))
                    + (read.notes().size() > NOTES_SHOWN ? "; …" : ""));
        }
        return warnings;
    }

    private record Answer(long context, int position, String question, String answer) {
    }

    private record AnswerSetter(List<Answer> rows) implements BatchPreparedStatementSetter {
        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
            Answer a = rows.get(i);
            ps.setLong(1, a.context());
            ps.setInt(2, a.position());
            ps.setString(3, ImportLog.clip(a.question(), 1000));
            ps.setString(4, ImportLog.clip(a.answer(), 4000));
        }

        @Override
        public int getBatchSize() {
            return rows.size();
        }
    }
}
