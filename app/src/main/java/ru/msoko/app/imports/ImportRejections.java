package ru.msoko.app.imports;

import java.io.IOException;
import java.io.OutputStream;
import org.springframework.stereotype.Service;

/** The problems of a rejected file as a workbook, for the web page and the CLI alike. */
@Service
public class ImportRejections {

    private final ImportLog log;

    ImportRejections(ImportLog log) {
        this.log = log;
    }

    /** Writes the workbook; {@code false} when there is no such rejected attempt. */
    public boolean writeXlsx(long id, OutputStream out) throws IOException {
        var rejection = log.findRejection(id);
        if (rejection.isEmpty()) {
            return false;
        }
        RejectedRowsXlsx.write(rejection.get(), log.problems(id), out);
        return true;
    }
}
