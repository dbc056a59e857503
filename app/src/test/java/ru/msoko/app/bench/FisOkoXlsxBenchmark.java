package ru.msoko.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.msoko.app.MsokoApplication;
import ru.msoko.app.imports.ImportOptions;
import ru.msoko.app.imports.ImportOutcome;
import ru.msoko.app.imports.ImportService;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.Result;
import ru.msoko.core.fisoko.Codifiers;
import ru.msoko.core.fisoko.FileHints;
import ru.msoko.core.fisoko.FisOkoReader;
import ru.msoko.core.fisoko.WorkReference;
import ru.msoko.core.privacy.Pseudonymizer;

/**
 * ФИС ОКО xlsx import benchmark: the largest real regional export (ВПР 2021, Russian, grade 5 — 26 501 rows) and a
 * generated export of 100 000 rows in the same layout (the real rows repeated with new pupil codes), each imported
 * into a fresh embedded H2 file database after the real login list and work descriptions, with the ratio to a
 * reference run in the same process (reading, validating and pseudonymising the file with no database) and the
 * peak heap of each run. Run with {@code bench/xlsx.sh [path to vpr-altai-krai-fisoko]}.
 */
public final class FisOkoXlsxBenchmark {

    private static final String REAL = "vpr_results/2021/5/Проведение работы по русскому языку, 5 класс. ВПР 2021.xlsx";
    private static final int GENERATED_ROWS = 100_000;

    private FisOkoXlsxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/public/vpr-altai-krai-fisoko");
        Path real = data.resolve(REAL);
        Path work = Files.createTempDirectory("msoko-xlsx-bench-");
        Path generated = Files.createDirectories(work.resolve("generated")).resolve(real.getFileName().toString());
        long rows = generate(real, generated, GENERATED_ROWS);
        System.out.printf(Locale.ROOT, "real file: %s (%,d bytes); generated: %,d rows (%,d bytes)%n",
                real.getFileName(), Files.size(real), rows, Files.size(generated));

        Codifiers codifiers = Codifiers.folder(data.resolve("Описание_работ"), ACCEPT_ALL);
        for (Path file : List.of(real, generated)) {
            Measured ref = measure(() -> parseOnly(file, codifiers));
            System.out.printf(Locale.ROOT, "%-9s reference (read + validate + pseudonymise, no database): %.2f s, "
                    + "peak heap %s%n", label(file, real), ref.seconds, mb(ref.peakHeap));
        }
        String url = "jdbc:h2:file:" + work.resolve("h2/msoko")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MsokoApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .run("--msoko.data=" + work.resolve("h2"), "--spring.datasource.url=" + url,
                        "--msoko.codifiers=" + data.resolve("Описание_работ"), "--logging.level.root=warn")) {
            ImportService service = ctx.getBean(ImportService.class);
            check(service.importFile(data.resolve("logins.xlsx"), "logins.xlsx", "bench", ImportOptions.STRICT));
            check(service.importCodifiers(data.resolve("Описание_работ"), 2021, "bench"));
            for (Path file : List.of(real, generated)) {
                Measured reference = measure(() -> parseOnly(file, codifiers));
                Measured imported = measure(() -> check(service.importFile(file, file.getFileName().toString(), "bench",
                        ImportOptions.STRICT)));
                System.out.printf(Locale.ROOT, "%-9s H2 import %.2f s (%,.0f rows/s), reference %.2f s, ratio %.1fx, "
                                + "peak heap %s%n", label(file, real), imported.seconds, imported.count / imported.seconds,
                        reference.seconds, imported.seconds / reference.seconds, mb(imported.peakHeap));
            }
        }
    }

    private static String label(Path file, Path real) {
        return file.equals(real) ? "real" : "generated";
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%d MB", bytes / (1024 * 1024));
    }

    /** A timed step, the number of rows it handled and the peak heap (sum of the heap pools' peaks) meanwhile. */
    private record Measured(double seconds, long count, long peakHeap) {
    }

    private interface Step {
        long run() throws Exception;
    }

    private static Measured measure(Step step) throws Exception {
        System.gc();
        var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long count = step.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured(seconds, count, peak);
    }

    private static final Directory ACCEPT_ALL = new Directory() {
        @Override
        public Optional<String> schoolCode(String identifier, int year) {
            return Optional.of(identifier.trim().toLowerCase(Locale.ROOT).replace("sch", "edu"));
        }

        @Override
        public Optional<String> subjectCode(String nameOrCode) {
            String s = nameOrCode.trim().toLowerCase(Locale.ROOT);
            return Optional.of(s.startsWith("русск") ? "Русский язык" : s.startsWith("математ") ? "Математика" : s);
        }
    };

    private static long parseOnly(Path file, Codifiers codifiers) throws IOException {
        Pseudonymizer pseudonymizer = new Pseudonymizer(new byte[32]);
        FisOkoReader reader = new FisOkoReader(ACCEPT_ALL, pseudonymizer::key,
                new WorkReference(codifiers::layout, key -> java.util.OptionalInt.empty()));
        long[] accepted = new long[1];
        String name = file.getFileName().toString();
        Problems problems = new Problems(10);
        reader.read(file, name, FileHints.of(file, name), problems, new CanonicalResultsReader.Sink() {
            @Override
            public void accept(long row, Result result) {
                accepted[0]++;
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.list().toString());
        }
        return accepted[0];
    }

    private static long check(ImportOutcome o) {
        if (o instanceof ImportOutcome.Imported imported) {
            return imported.accepted() + imported.absent();
        }
        throw new IllegalStateException(o.summary());
    }

    /**
     * Writes {@code target} rows in the layout of {@code real}: its header, then its data rows over and over, the
     * pupil code («код обучающегося») made unique in every repetition.
     */
    static long generate(Path real, Path out, int target) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (ReadableWorkbook book = new ReadableWorkbook(real.toFile()); Stream<Row> stream = book.getFirstSheet().openStream()) {
            stream.forEach(r -> {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < r.getCellCount(); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null || cell.getType() == CellType.EMPTY ? null
                            : cell.getType() == CellType.NUMBER ? cell.asNumber() : cell.getRawValue());
                }
                rows.add(cells);
            });
        }
        List<Object> header = rows.get(0);
        int code = header.indexOf("код обучающегося");
        if (code < 0) {
            throw new IllegalStateException("no «код обучающегося» column in " + real);
        }
        List<List<Object>> data = rows.subList(1, rows.size());
        try (OutputStream stream = Files.newOutputStream(out)) {
            Workbook wb = new Workbook(stream, "msoko-bench", "1.0");
            Worksheet ws = wb.newWorksheet("Лист1");
            write(ws, 0, header);
            for (int i = 0; i < target; i++) {
                List<Object> row = new ArrayList<>(data.get(i % data.size()));
                row.set(code, 10_000_000 + i);
                write(ws, i + 1, row);
                if (i % 10_000 == 0) {
                    ws.flush();
                }
            }
            wb.finish();
        }
        return target;
    }

    private static void write(Worksheet ws, int r, List<Object> cells) {
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v instanceof Number n) {
                ws.value(r, c, n);
            } else if (v != null) {
                ws.value(r, c, v.toString());
            }
        }
    }
}
