package ru.msoko.app.imports;

import java.time.OffsetDateTime;
import java.util.List;
import ru.msoko.core.canonical.Problem;

/** What happened to one file. */
public sealed interface ImportOutcome {

    String fileName();

    /** Russian one-line summary for the CLI and the web page. */
    String summary();

    /** The file was stored. */
    record Imported(String fileName, long batchId, String format, long rows, long accepted, long absent,
                    List<String> warnings) implements ImportOutcome {
        @Override
        public String summary() {
            return fileName + ": загружено как " + format + ", строк: " + accepted
                    + (absent > 0 ? ", из них отсутствовавших участников: " + absent : "");
        }
    }

    /** The same content was imported before: nothing changed. */
    record AlreadyImported(String fileName, long batchId, String previousName, OffsetDateTime when)
            implements ImportOutcome {
        @Override
        public String summary() {
            return fileName + ": уже загружен ранее (" + previousName + ", "
                    + RussianFormat.dateTime(when) + ", загрузка № " + batchId + ") — ничего не изменено";
        }
    }

    /** The file has problems: nothing was stored. */
    record Rejected(String fileName, List<Problem> problems, long totalProblems) implements ImportOutcome {
        @Override
        public String summary() {
            return fileName + ": не загружен, ошибок: " + totalProblems + " — база данных не изменена";
        }

        /** Distinct rows named by the problems (a problem about the whole file names no row). */
        public long rowsRejected() {
            return problems.stream().filter(p -> p.row() > 0).map(p -> p.sheet() + "|" + p.row()).distinct().count();
        }
    }
}
