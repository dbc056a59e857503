package ru.msoko.app.imports;

import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.progress.Progress;

/** A results sink that reports the row number of each row it hands on (the «проверка строк» phase of a job). */
final class Progressing {

    private Progressing() {
    }

    static CanonicalResultsReader.Sink rows(CanonicalResultsReader.Sink sink, Progress progress) {
        if (progress == Progress.NONE) {
            return sink;
        }
        return new CanonicalResultsReader.Sink() {
            @Override
            public void start(TaskLayout layout) {
                sink.start(layout);
            }

            @Override
            public void accept(long row, Result result) {
                sink.accept(row, result);
                progress.done(row);
            }
        };
    }
}
