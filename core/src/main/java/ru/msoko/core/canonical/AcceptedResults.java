package ru.msoko.core.canonical;

import ru.msoko.core.domain.Result;

/**
 * Passes a reader's results on to its sink, each participant once, and counts them. A participant met again is
 * not passed on: the caller reports it, naming the row where the participant was first seen.
 */
public final class AcceptedResults {

    private final ParticipantIndex seen = new ParticipantIndex();
    private final CanonicalResultsReader.Sink sink;
    private long accepted;
    private long absent;

    public AcceptedResults(CanonicalResultsReader.Sink sink) {
        this.sink = sink;
    }

    /** @return -1 when the result was passed on, else the row where its participant was first seen */
    public long offer(long row, Result result) {
        long earlier = seen.putIfAbsent(result.participant(), row);
        if (earlier < 0) {
            accepted++;
            if (result.absent()) {
                absent++;
            }
            sink.accept(row, result);
        }
        return earlier;
    }

    public long accepted() {
        return accepted;
    }

    public long absent() {
        return absent;
    }
}
