package ru.msoko.app.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.fisoko.FileHints;
import ru.msoko.core.fisoko.FisOkoReader;
import ru.msoko.core.fisoko.WorkReference;
import ru.msoko.core.gia.RcoiReader;
import ru.msoko.core.olympiad.ProtocolReader;

/**
 * Reads a results file of any supported format into the same sink: the canonical CSV, a ФИС ОКО workbook, a
 * РЦОИ sheet, a ВсОШ protocol or an итоговое сочинение/собеседование list.
 */
final class ResultFiles {

    /**
     * What the importer needs after reading.
     *
     * @param schools the schools of a ФИС ОКО file or a РЦОИ sheet with their municipality (empty for the canonical CSV)
     */
    record Read(long rows, long accepted, long absent, List<String> warnings,
                Map<String, FisOkoReader.SchoolOrigin> schools) {
    }

    private ResultFiles() {
    }

    static Read read(FileFormat format, Path file, String fileName, Directory directory,
                     UnaryOperator<String> pseudonymizer, WorkReference reference, Problems problems,
                     CanonicalResultsReader.Sink sink) throws IOException {
        if (format == FileFormat.RESULTS_CSV) {
            var s = new CanonicalResultsReader(directory, pseudonymizer, ResultsImport.PROBLEM_LIMIT)
                    .read(file, fileName, problems, sink);
            return new Read(s.rows(), s.accepted(), s.absent(), s.warnings(), Map.of());
        }
        if (format == FileFormat.RCOI_GIA) {
            var s = new RcoiReader(directory, pseudonymizer).read(file, fileName, problems, sink);
            return new Read(s.rows(), s.accepted(), s.absent(), s.warnings(), s.schools());
        }
        if (format == FileFormat.OLYMPIAD_PROTOCOL || format == FileFormat.PASS_FAIL_LIST) {
            var s = new ProtocolReader(directory, pseudonymizer).read(file, fileName, problems, sink);
            return new Read(s.rows(), s.accepted(), s.absent(), s.warnings(), Map.of());
        }
        var s = new FisOkoReader(directory, pseudonymizer, reference)
                .read(file, fileName, FileHints.of(file, fileName), problems, sink);
        return new Read(s.rows(), s.accepted(), s.absent(), s.warnings(), s.schools());
    }
}
