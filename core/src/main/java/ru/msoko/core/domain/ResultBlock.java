package ru.msoko.core.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stored form of the results of one procedure in one school from one import: one binary value instead of a
 * database row per participant (issue #4). A row per participant cost the embedded database a B-tree entry per index
 * and an undo-log entry each, and a million rows took 28–38 s to write; a block of a school's rows is one entry
 * (docs/benchmarks.md, «Results as blocks»).
 *
 * <p>Format, version 1: the byte {@code 1}, the row count, then per row: a flags varint (absent, ОВЗ, repeater,
 * medal candidate, observed; passed, gender and olympiad status as small codes), the participant key, the date as
 * epoch day, class label, variant, task scores (one byte per task, −1 = not attempted), primary / test / maximum /
 * re-checked scores, the three marks, and the ids of the scales that gave the mark or test score. Integers are
 * unsigned LEB128 varints with 0 meaning "none" (a value is stored plus one); a score that is a whole or half
 * number below 2³¹ is stored as a varint of its double, any other as its 8 IEEE bytes. Strings are UTF-8 with their
 * length plus one (0 = none).
 */
public final class ResultBlock {

    private static final byte VERSION = 1;

    /** A result with the ids, known only to the database, of the scales that computed its mark or test score. */
    public record Row(Result result, Long markScaleId, Long giaScaleId) {
        public Row {
            java.util.Objects.requireNonNull(result, "result");
        }

        public Row(Result result) {
            this(result, null, null);
        }
    }

    private ResultBlock() {
    }

    public static byte[] encode(List<Row> rows) {
        Out out = new Out(32 + rows.size() * 48);
        out.bytes[out.size++] = VERSION;
        out.varint(rows.size());
        for (Row row : rows) {
            write(out, row);
        }
        return Arrays.copyOf(out.bytes, out.size);
    }

    /** The number of rows of an encoded block, without decoding them. */
    public static int count(byte[] block) {
        In in = new In(block);
        in.version();
        return (int) in.varint();
    }

    /**
     * @param procedure and {@code schoolCode}: what the block's database row says; the stored rows don't repeat them
     */
    public static List<Row> decode(byte[] block, Procedure.Key procedure, String schoolCode) {
        In in = new In(block);
        in.version();
        int n = (int) in.varint();
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(read(in, procedure, schoolCode));
        }
        if (in.pos != block.length) {
            throw new IllegalArgumentException("result block: " + (block.length - in.pos) + " bytes after the last row");
        }
        return rows;
    }

    private static void write(Out out, Row row) {
        Result r = row.result();
        Result.Flags f = r.flags();
        long flags = bit(r.absent(), 0) | bit(f.ovz(), 1) | bit(f.repeater(), 2) | bit(f.medalCandidate(), 3)
                | bit(f.observed(), 4)
                | (long) (r.passed() == null ? 0 : r.passed() ? 2 : 1) << 5
                | (long) (r.gender() == null ? 0 : r.gender().ordinal() + 1) << 7
                | (long) (r.status() == null ? 0 : r.status().ordinal() + 1) << 9;
        out.varint(flags);
        out.string(r.participant());
        out.varint(r.date() == null ? 0 : zigzag(r.date().toEpochDay()) + 1);
        out.string(r.classLabel());
        out.string(r.variant());
        if (r.tasks() == null) {
            out.varint(0);
        } else {
            byte[] t = r.tasks().bytes();
            out.varint(t.length + 1L);
            out.raw(t);
        }
        out.score(r.primaryScore());
        out.score(r.testScore());
        out.score(r.maxScore());
        out.score(r.recheckedScore());
        out.optional(r.mark());
        out.optional(r.journalMark());
        out.optional(r.annualMark());
        out.optional(row.markScaleId());
        out.optional(row.giaScaleId());
    }

    private static Row read(In in, Procedure.Key procedure, String schoolCode) {
        long flags = in.varint();
        String participant = in.string();
        long day = in.varint();
        String classLabel = in.string();
        String variant = in.string();
        long tasksLength = in.varint();
        TaskScores tasks = tasksLength == 0 ? null : TaskScores.ofBytes(in.raw((int) tasksLength - 1));
        Double primary = in.score();
        Double test = in.score();
        Double max = in.score();
        Double rechecked = in.score();
        Integer mark = in.optionalInt();
        Integer journal = in.optionalInt();
        Integer annual = in.optionalInt();
        Long markScale = in.optionalLong();
        Long giaScale = in.optionalLong();
        int passed = (int) (flags >>> 5) & 3;
        int gender = (int) (flags >>> 7) & 3;
        int status = (int) (flags >>> 9) & 7;
        Result r = new Result(procedure, schoolCode, participant,
                day == 0 ? null : LocalDate.ofEpochDay(unzigzag(day - 1)), classLabel,
                gender == 0 ? null : Gender.values()[gender - 1], variant, (flags & 1) != 0, tasks, primary, test, mark,
                passed == 0 ? null : passed == 2, journal, annual,
                new Result.Flags((flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0, (flags & 16) != 0),
                status == 0 ? null : OlympiadStatus.values()[status - 1], max, rechecked);
        return new Row(r, markScale, giaScale);
    }

    private static long bit(boolean b, int position) {
        return b ? 1L << position : 0;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** A growing byte array; {@code ByteArrayOutputStream} would synchronise every byte. */
    private static final class Out {
        byte[] bytes;
        int size;

        Out(int capacity) {
            bytes = new byte[capacity];
        }

        void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void raw(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        void string(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1L);
            raw(b);
        }

        void optional(Number n) {
            varint(n == null ? 0 : zigzag(n.longValue()) + 1);
        }

        /** 0 = none; 1 + zigzag(2·v) · 2 for whole and half scores; 2 followed by the 8 bytes otherwise. */
        void score(Double d) {
            if (d == null) {
                varint(0);
                return;
            }
            double twice = d * 2;
            if (twice == Math.rint(twice) && Math.abs(twice) < Integer.MAX_VALUE && !(d == 0 && 1 / d < 0)) {
                varint(zigzag((long) twice) * 2 + 1);
            } else {
                varint(2);
                long bits = Double.doubleToRawLongBits(d);
                ensure(8);
                for (int i = 0; i < 8; i++) {
                    bytes[size++] = (byte) (bits >>> (8 * i));
                }
            }
        }
    }

    private static final class In {
        final byte[] bytes;
        int pos;

        In(byte[] bytes) {
            this.bytes = bytes;
        }

        void version() {
            if (bytes.length == 0 || bytes[0] != VERSION) {
                throw new IllegalArgumentException("result block: unknown format "
                        + (bytes.length == 0 ? "(empty)" : Byte.toString(bytes[0])));
            }
            pos = 1;
        }

        long varint() {
            long v = 0;
            int shift = 0;
            while (true) {
                if (pos >= bytes.length) {
                    throw new IllegalArgumentException("result block: truncated at byte " + pos);
                }
                byte b = bytes[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
                shift += 7;
                if (shift > 63) {
                    throw new IllegalArgumentException("result block: malformed number at byte " + pos);
                }
            }
        }

        byte[] raw(int n) {
            if (n < 0 || pos + n > bytes.length) {
                throw new IllegalArgumentException("result block: truncated at byte " + pos);
            }
            byte[] b = Arrays.copyOfRange(bytes, pos, pos + n);
            pos += n;
            return b;
        }

        String string() {
            long n = varint();
            if (n == 0) {
                return null;
            }
            int len = (int) n - 1;
            if (len < 0 || pos + len > bytes.length) {
                throw new IllegalArgumentException("result block: truncated at byte " + pos);
            }
            String s = new String(bytes, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        Integer optionalInt() {
            long v = varint();
            return v == 0 ? null : Math.toIntExact(unzigzag(v - 1));
        }

        Long optionalLong() {
            long v = varint();
            return v == 0 ? null : unzigzag(v - 1);
        }

        Double score() {
            long v = varint();
            if (v == 0) {
                return null;
            }
            if ((v & 1) == 1) {
                return unzigzag(v >>> 1) / 2.0;
            }
            if (pos + 8 > bytes.length) {
                throw new IllegalArgumentException("result block: truncated at byte " + pos);
            }
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (bytes[pos++] & 0xFFL) << (8 * i);
            }
            return Double.longBitsToDouble(bits);
        }
    }
}
