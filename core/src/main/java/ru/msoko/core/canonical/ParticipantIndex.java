package ru.msoko.core.canonical;

import java.nio.charset.StandardCharsets;

/**
 * Remembers in which row each participant key was first seen, in primitive arrays so that a
 * million participants take about 24 MB rather than the ~100 MB of boxed map entries. Keys are
 * reduced to a 64-bit FNV-1a hash; for a million keys a false duplicate has probability ~3e-8.
 */
public final class ParticipantIndex {

    private static final long EMPTY = 0L;
    private long[] keys = new long[1 << 10];
    private long[] rows = new long[1 << 10];
    private int size;

    /** Records the key at this row; returns the earlier row if the key was already there, else -1. */
    public long putIfAbsent(String key, long row) {
        long h = hash(key);
        int mask = keys.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != EMPTY) {
            if (keys[i] == h) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = h;
        rows[i] = row;
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long h = oldKeys[j];
            if (h != EMPTY) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = h;
                rows[i] = oldRows[j];
            }
        }
    }

    int size() {
        return size;
    }

    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h == EMPTY ? 1 : h;
    }
}
