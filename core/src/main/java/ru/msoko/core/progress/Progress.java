package ru.msoko.core.progress;

/**
 * Where a long operation is, for a progress bar: the current phase (a Russian name such as «чтение файла») with
 * its units done out of its total. A service reports through it and never waits on it; the background jobs of
 * the app show it, the command line ignores it ({@link #NONE}). Called from the thread doing the work.
 */
public interface Progress {

    /** Total of a phase whose size is not known in advance (the bar then shows only the units done). */
    long UNKNOWN = 0;

    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total) {
        }

        @Override
        public void done(long units) {
        }
    };

    /**
     * Starts a phase: its units start again from zero.
     *
     * @param total units of the phase (bytes, rows, steps), {@link #UNKNOWN} when not known
     */
    void phase(String name, long total);

    /** Units of the current phase done so far (a smaller number than reported before is ignored). */
    void done(long units);

    /**
     * Starts a phase that begins part-way ({@code done} of {@code total}): one step of several, reported at once so
     * that a reader never sees the phase at zero in between.
     */
    default void step(String name, long done, long total) {
        phase(name, total);
        done(done);
    }

    /** The same progress with every phase name preceded by {@code prefix} («файл 2 из 3: …»). */
    default Progress prefixed(String prefix) {
        Progress inner = this;
        return new Progress() {
            @Override
            public void phase(String name, long total) {
                inner.phase(prefix + name, total);
            }

            @Override
            public void done(long units) {
                inner.done(units);
            }

            @Override
            public void step(String name, long done, long total) {
                inner.step(prefix + name, done, total);
            }
        };
    }
}
