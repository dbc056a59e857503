package ru.msoko.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ResultBlockTest {

    private static final Procedure.Key VPR = new Procedure.Key(ProcedureKind.VPR, 2025, "MAT", 5);

    @Test
    void aFullRowAndAnEmptyOneComeBackAsTheyWere() {
        Result full = new Result(VPR, "0101", "p-ключ", LocalDate.of(2025, 4, 17), "5«А»", Gender.FEMALE, "12", false,
                TaskScores.of(1, 0, TaskScores.NOT_ATTEMPTED, 35), 14.5, 71.0, 4, true, 5, 4,
                new Result.Flags(true, false, true, true), OlympiadStatus.PRIZE_WINNER, 20.0, 0.1);
        Result empty = new Result(VPR, "0101", "x", null, null, null, null, true, null, null, null, null, null, null,
                null, null, null, null, null);
        List<ResultBlock.Row> rows = List.of(new ResultBlock.Row(full, 7L, null), new ResultBlock.Row(empty, null, 9L));

        byte[] block = ResultBlock.encode(rows);

        assertThat(ResultBlock.decode(block, VPR, "0101")).isEqualTo(rows);
        assertThat(ResultBlock.count(block)).isEqualTo(2);
    }

    @Test
    void theEmptyRowTakesOneByteForEachOfItsFieldsButTheParticipant() {
        Result empty = new Result(VPR, "0101", "x", null, null, null, null, false, null, null, null, null, null, null,
                null, null, null, null, null);

        byte[] block = ResultBlock.encode(List.of(new ResultBlock.Row(empty)));

        // version, count, flags, participant (length + 1 = 2, "x"), date, class, variant, tasks, 4 scores, 3 marks,
        // 2 scale ids: 1 + 1 + 1 + 2 + 1 + 1 + 1 + 1 + 4 + 3 + 2 = 18 bytes, counted by hand from the format
        assertThat(block).hasSize(18);
        assertThat(Arrays.copyOfRange(block, 0, 5)).containsExactly(1, 1, 0, 2, 'x');
    }

    @Test
    void scoresThatAreNotWholeOrHalfAndOddDoublesKeepEveryBit() {
        for (double d : new double[] {0.1, -0.0, Double.NaN, Double.POSITIVE_INFINITY, 1e300, -7.5, 3e9, 12.25}) {
            Result r = new Result(VPR, "1", "p", null, null, null, null, false, null, d, null, null, null, null, null,
                    null, null, null, null);
            Double back = ResultBlock.decode(ResultBlock.encode(List.of(new ResultBlock.Row(r))), VPR, "1").get(0)
                    .result().primaryScore();
            assertThat(Double.doubleToRawLongBits(back)).as("%s", d).isEqualTo(Double.doubleToRawLongBits(d));
        }
    }

    @Test
    void aDamagedBlockIsRefusedNotMisread() {
        Result r = new Result(VPR, "1", "participant", null, null, null, null, false, null, 3.0, null, 3, null, null,
                null, null, null, null, null);
        byte[] block = ResultBlock.encode(List.of(new ResultBlock.Row(r)));

        assertThatThrownBy(() -> ResultBlock.decode(Arrays.copyOf(block, block.length - 3), VPR, "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> ResultBlock.decode(Arrays.copyOf(block, block.length + 1), VPR, "1"))
                .hasMessageContaining("after the last row");
        byte[] otherVersion = block.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> ResultBlock.decode(otherVersion, VPR, "1")).hasMessageContaining("unknown format 2");
    }

    @Property(tries = 300)
    void everyRandomBlockComesBackAsItWas(@ForAll long seed) {
        Random random = new Random(seed);
        List<ResultBlock.Row> rows = new ArrayList<>();
        for (int i = random.nextInt(40); i > 0; i--) {
            rows.add(new ResultBlock.Row(randomResult(random), random.nextBoolean() ? null : random.nextLong(),
                    random.nextBoolean() ? null : (long) random.nextInt(1000)));
        }

        assertThat(ResultBlock.decode(ResultBlock.encode(rows), VPR, "0101")).isEqualTo(rows);
    }

    private static Result randomResult(Random r) {
        int[] tasks = new int[r.nextInt(30)];
        for (int i = 0; i < tasks.length; i++) {
            tasks[i] = r.nextInt(37) - 1;
        }
        return new Result(VPR, "0101", text(r, 1 + r.nextInt(32)), r.nextBoolean() ? null
                : LocalDate.ofEpochDay(r.nextInt(80_000) - 40_000), r.nextBoolean() ? null : text(r, r.nextInt(16)),
                r.nextBoolean() ? null : Gender.values()[r.nextInt(2)], r.nextBoolean() ? null : text(r, r.nextInt(5)),
                r.nextBoolean(), r.nextBoolean() ? null : TaskScores.of(tasks), score(r), score(r),
                r.nextBoolean() ? null : r.nextInt(7) - 1, r.nextBoolean() ? null : r.nextBoolean(),
                r.nextBoolean() ? null : r.nextInt(), r.nextBoolean() ? null : 2 + r.nextInt(4),
                new Result.Flags(r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextBoolean()),
                r.nextBoolean() ? null : OlympiadStatus.values()[r.nextInt(3)], score(r), score(r));
    }

    private static Double score(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> (double) (r.nextInt(200) - 20);
            case 2 -> r.nextInt(100) / 2.0;
            default -> r.nextDouble() * 1000;
        };
    }

    private static String text(Random r, int length) {
        String alphabet = "абвгдеёжАБВ0123456789abcXYZ-«»\"' \t€𝄞";
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return sb.toString();
    }
}
