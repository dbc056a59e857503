package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;

/**
 * Reads a file on a second thread while the calling thread (the one that holds the transaction) writes what was
 * read: parsing, validation and pseudonymisation overlap with the database work instead of adding to it.
 * The rows cross in chunks through a small bounded queue, so memory stays flat however large the file is.
 */
final class ReadAhead {

    /** The reading half: runs the file reader against the sink it is given. */
    interface Reader<T> {
        T read(CanonicalResultsReader.Sink sink) throws IOException;
    }

    private static final int CHUNK = 2_000;
    private static final int CHUNKS_IN_FLIGHT = 8;

    private sealed interface Item {
    }

    private record Start(TaskLayout layout) implements Item {
    }

    private record Rows(long[] numbers, List<Result> results) implements Item {
    }

    private record End() implements Item {
    }

    private ReadAhead() {
    }

    /**
     * Runs {@code reader} on a new thread and feeds every row to {@code writer} on this thread, in file order.
     * If the writer fails, the reader is stopped; if the reader fails, its exception is thrown here.
     */
    static <T> T run(Reader<T> reader, CanonicalResultsReader.Sink writer) throws IOException {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CHUNKS_IN_FLIGHT);
        Producer producer = new Producer(queue);
        FutureTask<T> task = new FutureTask<>(() -> {
            try {
                T result = reader.read(producer);
                producer.flush();
                return result;
            } finally {
                producer.end();
            }
        });
        Thread thread = new Thread(task, "msoko-import-reader");
        thread.setDaemon(true);
        thread.start();
        try {
            consume(queue, writer);
        } catch (RuntimeException | Error e) {
            producer.cancel();
            thread.interrupt();
            throw e;
        }
        return outcome(task);
    }

    private static void consume(BlockingQueue<Item> queue, CanonicalResultsReader.Sink writer) {
        while (true) {
            Item item = take(queue);
            if (item instanceof End) {
                return;
            }
            if (item instanceof Start s) {
                writer.start(s.layout());
            } else if (item instanceof Rows r) {
                for (int i = 0; i < r.results().size(); i++) {
                    writer.accept(r.numbers()[i], r.results().get(i));
                }
            }
        }
    }

    private static <T> T outcome(FutureTask<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("чтение файла прервано", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Item take(BlockingQueue<Item> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("запись прервана", e);
        }
    }

    /** The sink the reader writes into: collects rows into chunks and hands them over. */
    private static final class Producer implements CanonicalResultsReader.Sink {
        private final BlockingQueue<Item> queue;
        private long[] numbers = new long[CHUNK];
        private List<Result> results = new ArrayList<>(CHUNK);
        private volatile boolean cancelled;

        Producer(BlockingQueue<Item> queue) {
            this.queue = queue;
        }

        @Override
        public void start(TaskLayout layout) {
            flush();
            put(new Start(layout));
        }

        @Override
        public void accept(long row, Result result) {
            numbers[results.size()] = row;
            results.add(result);
            if (results.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            if (!results.isEmpty()) {
                put(new Rows(numbers, results));
                numbers = new long[CHUNK];
                results = new ArrayList<>(CHUNK);
            }
        }

        void end() {
            if (!cancelled) {
                put(new End());
            }
        }

        void cancel() {
            cancelled = true;
            queue.clear();
        }

        private void put(Item item) {
            if (cancelled) {
                throw new CancellationException("запись остановлена");
            }
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("запись остановлена");
            }
        }
    }
}
