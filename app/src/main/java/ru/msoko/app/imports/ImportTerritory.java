package ru.msoko.app.imports;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.Scope;
import ru.msoko.app.security.UserRepository;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;

/**
 * What an import may write, by the territory of whoever makes it: a user of a municipality stores only rows of
 * its own schools and no region-wide reference data (the school directory, scales, codifiers, textbooks: they
 * change what every municipality sees). Checked inside the import's transaction after the rows are written, so
 * a file reaching outside the territory is rejected whole and the database stays as it was. Imports by logins
 * that are not users of the web app (the command line, the demo) are the region's.
 */
@Component
class ImportTerritory {

    /** Formats that store reference data for the whole region. */
    static final Set<FileFormat> REGION_WIDE = EnumSet.of(FileFormat.SCHOOLS_CSV, FileFormat.LOGIN_LIST_XLSX,
            FileFormat.MARK_SCALES_CSV, FileFormat.GIA_SCALES_CSV, FileFormat.SCALE_CORRECTIONS_CSV,
            FileFormat.TEXTBOOKS_XLSX, FileFormat.WORK_CODIFIERS);

    private final UserRepository users;
    private final JdbcClient jdbc;
    private volatile List<String> schoolTables;

    ImportTerritory(UserRepository users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    /** Tables computed from the stored rows (one row per school of a batch): counting them again would say the same twice. */
    private static final Set<String> DERIVED = Set.of("result_summary");

    /**
     * The tables of {@link ImportRollback#TABLES_BY_IMPORT} whose rows belong to a school (they have a
     * {@code school_id}), read from the schema once: a new kind of school data is checked without a change here.
     */
    List<String> schoolTables() {
        if (schoolTables == null) {
            Set<String> withSchool = new HashSet<>(jdbc.sql("""
                    select lower(table_name) from information_schema.columns where lower(column_name) = 'school_id'""")
                    .query(String.class).list());
            schoolTables = ImportRollback.TABLES_BY_IMPORT.stream().filter(withSchool::contains)
                    .filter(t -> !DERIVED.contains(t)).toList();
        }
        return schoolTables;
    }

    /** Throws when the stored batch reaches outside the territory of the user who made it. */
    void check(long batchId, FileFormat format, String fileName, String user) {
        Scope scope = users.find(user).map(MsokoUser::scope).orElse(Scope.region());
        if (scope.isRegion()) {
            return;
        }
        if (REGION_WIDE.contains(format)) {
            throw new InputException(Problem.ofFile(fileName, "это справочные данные для всего региона («"
                    + format.title() + "»): их загружает пользователь с правом загрузки для всего региона"));
        }
        List<Problem> problems = new ArrayList<>();
        for (String table : schoolTables()) {
            // a result block holds a school's rows: its rows are counted, not the block
            String rows = table.equals("result_block") ? "coalesce(sum(t.row_count), 0)" : "count(*)";
            long outside = jdbc.sql("""
                    select %s from %s t join school s on s.id = t.school_id
                    where t.import_id = :batch and not %s""".formatted(rows, table, Scope.SCHOOL_CONDITION))
                    .params(scope.sqlParams()).param("batch", batchId).query(Long.class).single();
            if (outside > 0) {
                problems.add(Problem.ofFile(fileName, "строк о школах вне вашей территории: " + outside
                        + ". Загружать данные чужих школ нельзя: оставьте в файле только свои школы"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
    }
}
