package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.StoredResults;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.fisoko.XlsxLimits;

/**
 * One fuzzing try through the full application path: {@link FileFormat#detect} and {@link ImportService#importFile}
 * on H2, from the same database state every time, under a time limit (a future, not a sleep). Returns what broke,
 * empty when the try kept every property:
 * <ol type="a">
 *   <li>no exception but the documented rejection escapes, no try runs over {@link #LIMIT_SECONDS};</li>
 *   <li>a rejected import leaves the database identical ({@link DatabaseState#fingerprint});</li>
 *   <li>an accepted import stores only rows that keep the {@link #INVARIANTS} and {@link #RESULT_INVARIANTS};</li>
 *   <li>every rejection message is Russian text naming the file, and a problem in a row of a workbook names its sheet.</li>
 * </ol>
 */
final class FuzzTarget {

    /** A try's time limit: the largest seed imports in well under a second; a hang or a quadratic blow-up is caught. */
    static final long LIMIT_SECONDS = Long.getLong("fuzz.timeout", 60);

    /** What every stored row must satisfy, whatever file it came from: a count of rows breaking each rule. */
    static final Map<String, String> INVARIANTS = invariants();

    /**
     * What every stored result must satisfy: the rules that were SQL on table {@code result} before V28, as filters
     * over the decoded blocks ({@link StoredResults}); a comparison with a missing value breaks no rule, as in SQL.
     */
    static final Map<String, Predicate<StoredResults.Row>> RESULT_INVARIANTS = resultInvariants();

    private static final String CYRILLIC = ".*[А-Яа-яЁё].*";

    /** The directory a try starts from; {@code REAL} adds the real login list of the Altai region. */
    enum Base { SYNTHETIC, REAL }

    private static ExecutorService executor = newExecutor();
    private static Base loaded;
    private static Map<String, String> fingerprint;
    private static Path dir;

    private FuzzTarget() {
    }

    private static Map<String, Predicate<StoredResults.Row>> resultInvariants() {
        Map<String, Predicate<StoredResults.Row>> m = new LinkedHashMap<>();
        m.put("балл вне 0…максимум", r -> below(r.primaryScore(), 0)
                || r.primaryScore() != null && r.result().maxScore() != null
                        && r.primaryScore() > r.result().maxScore() + 0.0001
                || below(r.result().recheckedScore(), 0));
        m.put("не число в баллах", r -> notFinite(r.primaryScore()) || notFinite(r.testScore()));
        m.put("отметка вне 2…5", r -> outside(r.mark(), 2, 5));
        m.put("отметка журнала вне 1…5", r -> outside(r.journalMark(), 1, 5) || outside(r.annualMark(), 1, 5));
        m.put("тестовый балл вне 0…100", r -> below(r.testScore(), 0) || r.testScore() != null && r.testScore() > 100);
        // trim() of SQL strips spaces only
        m.put("пустой участник", r -> r.participant().chars().allMatch(c -> c == ' '));
        m.put("пол не м/ж", r -> r.gender() != null && !List.of("м", "ж").contains(r.gender()));
        return m;
    }

    private static boolean below(Double value, double min) {
        return value != null && value < min;
    }

    private static boolean notFinite(Double value) {
        return value != null && !Double.isFinite(value);
    }

    private static boolean outside(Integer value, int min, int max) {
        return value != null && (value < min || value > max);
    }

    private static Map<String, String> invariants() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("год или класс процедуры", "select count(*) from assessment where exam_year not between 1990 and 2100 "
                + "or grade not between 1 and 11");
        m.put("школа без кода или имени", "select count(*) from school where trim(code) = '' or trim(name) = ''");
        m.put("сводка ЕГЭ", "select count(*) from exam_school_summary where participants < 0 or graduates < 0 "
                + "or mean_score < 0 or mean_score > 100 or at_least_160 < 0 or at_least_220 < 0");
        m.put("отметки журнала", "select count(*) from journal_mark_distribution where n2 < 0 or n3 < 0 or n4 < 0 or n5 < 0");
        m.put("границы шкалы", "select count(*) from mark_scale_band where score_from > score_to or score_from < 0");
        m.put("контекст ОО", "select count(*) from school_context where pupils < 0 or teachers < 0");
        return m;
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-import");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs one input; the returned list names every property it broke (and counts it in {@link FuzzStats}). */
    static synchronized List<String> run(byte[] content, String fileName, ImportOptions options, Base base) {
        Path file = write(content);
        try {
            return check(() -> {
                FuzzStats.format(detect(file, fileName));
                return FuzzApp.imports().importFile(file, fileName, "fuzz", options);
            }, fileName, fileName::equals, isZip(content), base);
        } finally {
            delete(file);
        }
    }

    /**
     * A folder of ВПР work descriptions ({@code <класс>/<предмет>/ALL.xlsx}, KS.xlsx, KT.xlsx: {@code files} by relative
     * path) through {@link ImportService#importCodifiers}; a problem may name the folder or one of its files.
     */
    static synchronized List<String> runCodifiers(Map<String, byte[]> files, Base base) {
        Path folder;
        try {
            folder = Files.createTempDirectory(dir(), "codifiers-");
            for (var f : files.entrySet()) {
                Path p = folder.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = folder.getFileName() + "/";
        try {
            return check(() -> {
                FuzzStats.format(FileFormat.WORK_CODIFIERS.name());
                return FuzzApp.imports().importCodifiers(folder, 2021, "fuzz");
            }, name, p -> p.equals(name) || files.keySet().stream().anyMatch(k -> p.endsWith(Path.of(k).getFileName()
                    .toString())), true, base);
        } finally {
            try (var walk = Files.walk(folder)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(FuzzTarget::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<String> check(java.util.concurrent.Callable<ImportOutcome> importer, String fileName,
                                      java.util.function.Predicate<String> named, boolean workbook, Base base) {
        JdbcClient jdbc = FuzzApp.jdbc();
        long t0 = System.nanoTime();
        reset(jdbc, base);
        FuzzStats.RESET_NANOS.addAndGet(System.nanoTime() - t0);
        FuzzStats.TRIED.incrementAndGet();
        List<String> broken = new ArrayList<>();
        ImportOutcome outcome;
        Future<ImportOutcome> future = executor.submit(importer);
        long t1 = System.nanoTime();
        try {
            outcome = future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
            FuzzStats.IMPORT_NANOS.addAndGet(System.nanoTime() - t1);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            loaded = null;
            return crash(broken, "дольше " + LIMIT_SECONDS + " с: " + fileName);
        } catch (ExecutionException e) {
            unchanged(jdbc, fileName, broken);
            loaded = null;
            return crash(broken, fileName + ": " + stack(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (outcome instanceof ImportOutcome.Rejected r) {
            FuzzStats.REJECTED.incrementAndGet();
            unchanged(jdbc, fileName, broken);
            messages(r, fileName, named, workbook, broken);
            long nul = jdbc.sql("select count(*) from import_rejection_problem where message like :p or column_name like :p "
                    + "or sheet like :p").param("p", "%\u0000%").query(Long.class).single();
            if (nul > 0) {
                FuzzStats.INVALID_ROWS.incrementAndGet();
                broken.add("в журнале отклонённых сохранён символ NUL (PostgreSQL его не примет): " + fileName);
            }
        } else if (outcome instanceof ImportOutcome.Imported) {
            FuzzStats.ACCEPTED.incrementAndGet();
            loaded = null;
            INVARIANTS.forEach((rule, sql) -> invalid(rule, jdbc.sql(sql).query(Long.class).single(), fileName, broken));
            List<StoredResults.Row> results = StoredResults.all(jdbc);
            RESULT_INVARIANTS.forEach((rule, breaks) -> invalid(rule, results.stream().filter(breaks).count(), fileName,
                    broken));
            List<String> nul = new ArrayList<>(DatabaseState.textColumnsContaining(jdbc, "\u0000"));
            // the text of the results, in blocks since V28, as the text columns of table result were searched
            results.stream().filter(r -> r.toString().contains("\u0000")).findFirst()
                    .ifPresent(r -> nul.add("result_block"));
            if (!nul.isEmpty()) {
                FuzzStats.INVALID_ROWS.incrementAndGet();
                broken.add("в базе сохранён символ NUL (PostgreSQL его не примет) в " + nul + ": " + fileName);
            }
        } else {
            broken.add("тот же файл уже был загружен: база не сброшена");
        }
        broken.forEach(FuzzStats::failure);
        return broken;
    }

    private static void invalid(String rule, long n, String fileName, List<String> broken) {
        if (n > 0) {
            FuzzStats.INVALID_ROWS.addAndGet(n);
            broken.add("принят файл с неверными строками (" + rule + ": " + n + "): " + fileName);
        }
    }

    /** (b): whatever happened to the import, a file not stored left every table as it was. */
    private static void unchanged(JdbcClient jdbc, String fileName, List<String> broken) {
        if (!DatabaseState.fingerprint(jdbc).equals(fingerprint)) {
            FuzzStats.PARTIAL_WRITES.incrementAndGet();
            broken.add("не сохранённый файл изменил базу: " + fileName);
            loaded = null;
        }
    }

    /** The format the app takes the file for, or why detection refused it (counted per format in the summary). */
    private static String detect(Path file, String fileName) {
        try {
            if (Files.size(file) == 0) {
                return "пустой файл";
            }
            return FileFormat.detect(file, fileName, XlsxLimits.DEFAULT).name();
        } catch (InputException e) {
            return "отклонён при распознавании";
        } catch (IOException e) {
            return "не читается";
        }
    }

    private static void messages(ImportOutcome.Rejected r, String fileName, java.util.function.Predicate<String> named,
                                 boolean workbook, List<String> broken) {
        if (r.problems().isEmpty()) {
            bad(broken, fileName, "отклонён без единой проблемы");
        }
        for (Problem p : r.problems()) {
            String d = p.describe();
            if (p.message() == null || p.message().isBlank() || !p.message().matches("(?s)" + CYRILLIC)) {
                bad(broken, fileName, "сообщение не по-русски: " + d);
            } else if (p.file() == null || !named.test(p.file())) {
                bad(broken, fileName, "сообщение не называет файл: " + d);
            } else if (workbook && p.row() > 0 && p.sheet() == null) {
                bad(broken, fileName, "строка книги без листа: " + d);
            } else if (d.contains("Exception") || d.contains("java.") || d.contains("\tat ")) {
                bad(broken, fileName, "в сообщении текст исключения Java: " + d);
            }
        }
    }

    private static void bad(List<String> broken, String fileName, String what) {
        FuzzStats.BAD_MESSAGES.incrementAndGet();
        broken.add(what.length() > 400 ? what.substring(0, 400) + "…" : what);
    }

    private static List<String> crash(List<String> broken, String what) {
        FuzzStats.CRASHES.incrementAndGet();
        broken.add("CRASH " + what);
        FuzzStats.failure("CRASH " + what);
        return broken;
    }

    private static String stack(Throwable t) {
        StringBuilder sb = new StringBuilder(t.toString());
        StackTraceElement[] st = t.getStackTrace();
        int own = 0;
        for (int i = 0; i < st.length && own < 4; i++) {
            boolean ours = st[i].getClassName().startsWith("ru.msoko");
            if (i < 3 || ours) {
                sb.append("\n      at ").append(st[i]);
                own += ours ? 1 : 0;
            }
        }
        return sb.toString();
    }

    /**
     * The same starting state for every try: after an accepted import the rows it added (ids above the base's) are
     * deleted, and only if that does not give the base's fingerprint back are the tables cleared and the directory of
     * {@code base} imported again.
     */
    private static void reset(JdbcClient jdbc, Base base) {
        if (loaded == null && loadedBase == base && fingerprint != null) {
            boolean deleted;
            try {
                deleteAdded(jdbc);
                deleted = true;
            } catch (org.springframework.dao.DataAccessException e) {
                deleted = false; // an accepted directory moved a base school to a new municipality, say
            }
            if (deleted && DatabaseState.fingerprint(jdbc).equals(fingerprint)) {
                loaded = base;
                return;
            }
        }
        if (loaded == base) {
            return;
        }
        DatabaseState.clear(jdbc);
        List<Path> files = new ArrayList<>(List.of(
                Fixtures.write(dir(), "schools.csv", FuzzSeeds.BASE_SCHOOLS),
                Fixtures.write(dir(), "demo-schools.csv", FuzzSeeds.demoSchools())));
        if (base == Base.REAL) {
            files.add(ru.msoko.app.support.RealData.require("vpr-altai-krai-fisoko/logins.xlsx"));
        }
        for (Path f : files) {
            ImportOutcome o = FuzzApp.imports().importFile(f, f.getFileName().toString(), "fuzz-base", ImportOptions.STRICT);
            if (!(o instanceof ImportOutcome.Imported)) {
                throw new IllegalStateException("the base directory does not import: " + o.summary()
                        + (o instanceof ImportOutcome.Rejected r ? " " + r.problems() : ""));
            }
        }
        fingerprint = DatabaseState.fingerprint(jdbc);
        maxIds.clear();
        for (String t : ID_TABLES) {
            maxIds.put(t, jdbc.sql("select coalesce(max(id), 0) from " + t).query(Long.class).single());
        }
        loaded = base;
        loadedBase = base;
    }

    /** Tables with an id, children first; and the rows without one, deleted through their parent. */
    private static final List<String> ID_TABLES = List.of("analysis_sign", "analysis_risk", "analysis_run",
            "official_marker", "school_context", "result_block", "exam_school_summary", "journal_mark_distribution",
            "gia_scale", "mark_scale", "mark_scale_correction", "textbook", "work_codifier", "import_rejection", "import_batch", "assessment", "app_user", "school_identifier", "school", "municipality",
            "subject");
    private static final Map<String, String> CHILDREN = Map.of(
            "school_context", "delete from school_context_answer where context_id > :max",
            "gia_scale", "delete from gia_scale_band where scale_id > :max; delete from gia_scale_point where scale_id > :max; "
                    + "delete from gia_scale_rule where scale_id > :max",
            "mark_scale", "delete from mark_scale_band where scale_id > :max",
            "work_codifier", "delete from work_codifier_task where codifier_id > :max; "
                    + "delete from work_codifier_code where codifier_id > :max",
            "subject", "delete from subject_alias where subject_id > :max",
            "import_rejection", "delete from import_rejection_problem where rejection_id > :max");
    private static final Map<String, Long> maxIds = new java.util.HashMap<>();
    private static Base loadedBase;

    private static void deleteAdded(JdbcClient jdbc) {
        for (String t : ID_TABLES) {
            long max = maxIds.getOrDefault(t, 0L);
            for (String child : CHILDREN.getOrDefault(t, "").split("; ")) {
                if (!child.isEmpty()) {
                    jdbc.sql(child).param("max", max).update();
                }
            }
            jdbc.sql("delete from " + t + " where id > :max").param("max", max).update();
        }
    }

    private static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("msoko-fuzz-input-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    private static Path write(byte[] content) {
        try {
            return Files.write(Files.createTempFile(dir(), "try-", ".bin"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isZip(byte[] content) {
        return content.length > 1 && content[0] == 'P' && content[1] == 'K';
    }
}
