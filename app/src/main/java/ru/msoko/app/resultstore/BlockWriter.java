package ru.msoko.app.resultstore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.msoko.core.domain.ResultBlock;

/**
 * Gathers an import's results into blocks, one per procedure × school, and stores a block when its school is
 * complete or memory asks for it. Files list a school's rows together, so a block is usually a whole school; a file
 * that mixes schools still writes every row, in more and smaller blocks. At most {@link #MAX_BUFFERED} rows wait in
 * memory, whatever the size of the file.
 */
public final class BlockWriter {

    /** The most rows in one block (a school's procedure rarely has more than a few hundred participants). */
    static final int MAX_BLOCK_ROWS = 4096;
    /** The most rows held before blocks are stored. */
    static final int MAX_BUFFERED = 20_000;
    /**
     * Open blocks kept while a file jumps between schools and procedures: an ОГЭ file lists each pupil's subjects
     * one after the other, so every row may belong to another block (288 of them in a demo year's file).
     */
    private static final int MAX_OPEN = 4096;

    /**
     * A block that no row has joined for this many rows is stored while the file is still being read, so the writes
     * overlap the reading: a school's rows are together, so its blocks are complete once the file has moved on.
     */
    static final int IDLE_ROWS = 2000;

    private record Key(long assessmentId, long schoolId) {
    }

    /** The rows of an open block and when the last of them came. */
    private static final class Open {
        final List<ResultBlock.Row> rows = new ArrayList<>();
        long lastRow;
    }

    private final ResultBlockRepository.Inserter inserter;
    private final Map<Key, Open> open = new LinkedHashMap<>();
    private long rowNo;
    private Key lastKey;
    private Open last;
    private int buffered;
    private long written;

    BlockWriter(ResultBlockRepository.Inserter inserter) {
        this.inserter = inserter;
    }

    public static BlockWriter of(ResultBlockRepository repository, long importId) {
        return new BlockWriter(repository.inserter(importId));
    }

    public void add(long assessmentId, long schoolId, ResultBlock.Row row) {
        Open block = last;
        if (block == null || lastKey.assessmentId() != assessmentId || lastKey.schoolId() != schoolId) {
            lastKey = new Key(assessmentId, schoolId);
            block = open.computeIfAbsent(lastKey, k -> new Open());
            last = block;
            if (open.size() > MAX_OPEN) {
                storeOldest();
            }
        }
        block.rows.add(row);
        block.lastRow = ++rowNo;
        buffered++;
        if (block.rows.size() == MAX_BLOCK_ROWS) {
            store(lastKey);
        } else if (buffered >= MAX_BUFFERED) {
            storeAll();
        } else if (rowNo % (IDLE_ROWS / 2) == 0) {
            storeIdle();
        }
    }

    private void storeIdle() {
        for (Key k : new ArrayList<>(open.keySet())) {
            if (rowNo - open.get(k).lastRow > IDLE_ROWS) {
                store(k);
            }
        }
    }

    /** Stores every block still open; returns how many rows were written in all. */
    public long flush() {
        storeAll();
        inserter.flush();
        return written;
    }

    private void storeOldest() {
        Key oldest = open.keySet().iterator().next();
        store(oldest);
    }

    private void storeAll() {
        for (Key k : new ArrayList<>(open.keySet())) {
            store(k);
        }
    }

    private void store(Key key) {
        List<ResultBlock.Row> rows = open.remove(key).rows;
        inserter.add(key.assessmentId(), key.schoolId(), rows);
        buffered -= rows.size();
        written += rows.size();
        if (key.equals(lastKey)) {
            last = null;
            lastKey = null;
        }
    }
}
