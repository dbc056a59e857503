package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import ru.msoko.app.support.RealData;

/**
 * The fuzzing suite over every importer (issue #6): random bytes, and the valid files of {@link FuzzSeeds} — one or
 * more for every format {@link FileFormat} recognises — damaged at the byte, zip-part, cell and text level by
 * {@link Mutation}s, each through the full application path on H2 ({@link FuzzTarget}: no crash, nothing partial
 * stored, only valid rows accepted, every rejection explained in Russian). The counts are printed at the end and
 * crashes and partial writes must be 0. {@code -Dfuzz.tries=N} sets the tries of every property (bench/fuzz.sh).
 */
@AddLifecycleHook(value = FuzzTries.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class ImportFuzzTest {

    /** An input: a seed (by index) and the damages done to it, with the user's import options. */
    record Input(FuzzSeeds.Seed seed, List<Mutation> mutations, ImportOptions options) {
        byte[] bytes() {
            byte[] b = seed.bytes();
            for (Mutation m : mutations) {
                b = m.apply(b);
            }
            return b;
        }

        @Override
        public String toString() {
            return seed + " " + mutations + " " + options;
        }
    }

    static final List<ImportOptions> OPTIONS = List.of(ImportOptions.STRICT, new ImportOptions(true, "M01"),
            new ImportOptions(false, null, true));

    @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
    void randomBytesAreRejectedWithAMessage(@ForAll("noise") byte[] content) {
        holds(FuzzTarget.run(content, "шум.csv", ImportOptions.STRICT, FuzzTarget.Base.SYNTHETIC));
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void damagedFilesOfEveryFormatAreStoredWholeOrRejectedWhole(@ForAll("synthetic") Input input) {
        holds(FuzzTarget.run(input.bytes(), input.seed().fileName(), input.options(), FuzzTarget.Base.SYNTHETIC));
    }

    @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
    void damagedRealFilesAreStoredWholeOrRejectedWhole(@ForAll("real") Input input) {
        holds(FuzzTarget.run(input.bytes(), input.seed().fileName(), input.options(), FuzzTarget.Base.REAL));
    }

    /** The ВПР work descriptions of maths 5 (2021, real files by path): one of ALL, KS, KT damaged. */
    @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
    void damagedCodifierFoldersAreStoredWholeOrRejectedWhole(@ForAll("codifierFiles") int damaged,
                                                             @ForAll("xlsxMutations") List<Mutation> mutations) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = List.of("ALL.xlsx", "KS.xlsx", "KT.xlsx");
        for (int i = 0; i < names.size(); i++) {
            byte[] b = CODIFIERS.get(names.get(i));
            if (i == damaged) {
                for (Mutation m : mutations) {
                    b = m.apply(b);
                }
            }
            files.put("5/Математика/" + names.get(i), b);
        }
        holds(FuzzTarget.runCodifiers(files, FuzzTarget.Base.SYNTHETIC));
    }

    private static final Map<String, byte[]> CODIFIERS = new LinkedHashMap<>();

    @Provide
    Arbitrary<Integer> codifierFiles() {
        if (CODIFIERS.isEmpty()) {
            for (String n : List.of("ALL.xlsx", "KS.xlsx", "KT.xlsx")) {
                Path p = RealData.require("vpr-altai-krai-fisoko/Описание_работ/5/Математика/" + n);
                try {
                    CODIFIERS.put(n, Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<List<Mutation>> xlsxMutations() {
        return mutation(true).list().ofMinSize(1).ofMaxSize(3);
    }

    /**
     * Fails the try when it broke a property (jqwik then shrinks the input); with {@code -Dfuzz.collect=true} only
     * counts it, so that one long run lists every failure it meets instead of stopping at the first one.
     */
    private static void holds(List<String> broken) {
        if (!Boolean.getBoolean("fuzz.collect")) {
            assertThat(broken).isEmpty();
        }
    }

    @AfterContainer
    static void summary() {
        System.out.println(FuzzStats.summary());
        assertThat(FuzzStats.CRASHES.get()).as("crashes").isZero();
        assertThat(FuzzStats.PARTIAL_WRITES.get()).as("partial writes").isZero();
    }

    /** Random bytes, bare or behind the start of a zip or of a CSV header, so that every reader gets some. */
    @Provide
    Arbitrary<byte[]> noise() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<String> prefix = Arbitraries.of("", "PK\u0003\u0004", "procedure;participant;year\n",
                "school_code;municipality_code;name\n", "school_code;year;period;class;subject;n2;n3;n4;n5\n",
                "\uFEFFyear,grade,subject,max_primary\n");
        return Combinators.combine(prefix, bytes).as((p, b) -> {
            byte[] head = p.getBytes(StandardCharsets.ISO_8859_1);
            byte[] out = new byte[head.length + b.length];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(b, 0, out, head.length, b.length);
            return out;
        });
    }

    @Provide
    Arbitrary<Input> synthetic() {
        return inputs(FuzzSeeds.synthetic());
    }

    @Provide
    Arbitrary<Input> real() {
        return inputs(FuzzSeeds.real());
    }

    static Arbitrary<Input> inputs(List<FuzzSeeds.Seed> seeds) {
        return Arbitraries.of(seeds).flatMap(seed -> Combinators.combine(
                mutation(seed.xlsx()).list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(OPTIONS))
                .as((ms, o) -> new Input(seed, ms, o)));
    }

    static Arbitrary<Mutation> mutation(boolean xlsx) {
        Arbitrary<Mutation.Kind> kinds = xlsx
                ? Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.of(Mutation.Kind.FLIP, Mutation.Kind.TRUNCATE,
                        Mutation.Kind.INSERT_BYTES, Mutation.Kind.INSERT_PAYLOAD, Mutation.Kind.DELETE, Mutation.Kind.DUPLICATE)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.just(Mutation.Kind.PART)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.just(Mutation.Kind.CELL)))
                : Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.of(Mutation.Kind.FLIP, Mutation.Kind.TRUNCATE,
                        Mutation.Kind.INSERT_BYTES, Mutation.Kind.INSERT_PAYLOAD, Mutation.Kind.DELETE, Mutation.Kind.DUPLICATE)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.just(Mutation.Kind.FIELD)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Mutation.Kind.ENCODING)));
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 1_000_000);
        return Combinators.combine(kinds, n, n, n).as(Mutation::new);
    }
}
