package ru.msoko.app.imports;

import java.io.IOException;
import java.io.OutputStream;
import org.springframework.stereotype.Service;
import ru.msoko.app.security.Scope;

/** The problems of a rejected file as a workbook, for the web page and the CLI alike. */
@Service
public class ImportRejections {

    private final ImportLog log;

    ImportRejections(ImportLog log) {
        this.log = log;
    }

    /** Writes the workbook; {@code false} when there is no such rejected attempt. */
    public boolean writeXlsx(long id, OutputStream out) throws IOException {
        return writeXlsx(Scope.region(), id, out);
    }

    /** Writes the workbook of an attempt made within the territory; {@code false} for any other. */
    public boolean writeXlsx(Scope scope, long id, OutputStream out) throws IOException {
        var rejection = log.findRejection(scope, id);
        if (rejection.isEmpty()) {
            return false;
        }
        RejectedRowsXlsx.write(rejection.get(), log.problems(id), out);
        return true;
    }
}
