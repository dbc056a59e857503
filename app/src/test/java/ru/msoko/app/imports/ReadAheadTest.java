package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;

class ReadAheadTest {

    private static final Procedure.Key VPR = new Procedure.Key(ProcedureKind.VPR, 2021, "MA", 5);

    private static Result result(int i) {
        return new Result(VPR, "s1", "p" + i, null, null, null, null, false, null, (double) (i % 20), null, null, null,
                null, null, Result.Flags.NONE, null, null, null);
    }

    /** Collects what the writing side saw, and on which thread. */
    private static final class Collecting implements CanonicalResultsReader.Sink {
        final List<Long> rows = new ArrayList<>();
        final List<String> participants = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        TaskLayout layout;
        int failAt = -1;

        @Override
        public void start(TaskLayout layout) {
            this.layout = layout;
        }

        @Override
        public void accept(long row, Result result) {
            if (rows.size() == failAt) {
                throw new IllegalStateException("база отклонила запись");
            }
            rows.add(row);
            participants.add(result.participant());
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    void everyRowReachesTheWriterInFileOrderOnTheCallingThreadAndTheReadersResultIsReturned() throws IOException {
        Collecting writer = new Collecting();
        TaskLayout layout = TaskLayout.EMPTY;

        String summary = ReadAhead.run(sink -> {
            sink.start(layout);
            for (int i = 0; i < 10_001; i++) {
                sink.accept(i + 2, result(i));
            }
            return "read " + Thread.currentThread().getName();
        }, writer);

        assertThat(summary).isEqualTo("read msoko-import-reader");
        assertThat(writer.layout).isSameAs(layout);
        assertThat(writer.rows).hasSize(10_001).startsWith(2L, 3L).endsWith(10_002L);
        assertThat(writer.participants.get(5_000)).isEqualTo("p5000");
        assertThat(writer.threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aReaderFailureIsThrownToTheCaller() {
        Collecting writer = new Collecting();

        assertThatThrownBy(() -> ReadAhead.run(sink -> {
            for (int i = 0; i < 2_500; i++) {
                sink.accept(i, result(i));
            }
            throw new IOException("файл оборван");
        }, writer)).isInstanceOf(IOException.class).hasMessage("файл оборван");
        // whole chunks read before the failure may have been written; the transaction around them is rolled back
        assertThat(writer.rows).hasSize(2_000).startsWith(0L).endsWith(1_999L);
    }

    @Test
    void aWriterFailureStopsTheReaderAndIsThrownToTheCaller() {
        Collecting writer = new Collecting();
        writer.failAt = 3_000;
        AtomicLong produced = new AtomicLong();

        assertThatThrownBy(() -> ReadAhead.run(sink -> {
            for (int i = 0; i < 10_000_000; i++) {
                sink.accept(i, result(i));
                produced.incrementAndGet();
            }
            return null;
        }, writer)).isInstanceOf(IllegalStateException.class).hasMessage("база отклонила запись");
        // the reader is at most the queue's capacity ahead of the writer, never through the whole file
        assertThat(produced.get()).isLessThan(100_000);
    }
}
