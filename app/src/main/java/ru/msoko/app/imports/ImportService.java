package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;

/**
 * Imports one file as one transaction: either every row is stored, or nothing is and the user gets
 * the list of problems with row and column. The same content twice is recognised by its hash.
 */
@Service
public class ImportService {

    private final ImportLog log;
    private final ResultsImport results;
    private final SchoolsImport schools;
    private final ScalesImport scales;
    private final OfficialMarkersImport markers;
    private final TransactionTemplate tx;

    ImportService(ImportLog log, ResultsImport results, SchoolsImport schools, ScalesImport scales,
                  OfficialMarkersImport markers, TransactionTemplate tx) {
        this.log = log;
        this.markers = markers;
        this.results = results;
        this.schools = schools;
        this.scales = scales;
        this.tx = tx;
    }

    /**
     * @param fileName the user's name of the file (shown in messages), not the temp path
     * @param user who imports: a login, or {@code cli:<os user>}
     */
    public ImportOutcome importFile(Path file, String fileName, String user, ImportOptions options) {
        try {
            String hash = ContentHash.of(file);
            var previous = log.findByHash(hash);
            if (previous.isPresent()) {
                var p = previous.get();
                return new ImportOutcome.AlreadyImported(fileName, p.id(), p.fileName(), p.startedAt());
            }
            if (java.nio.file.Files.size(file) == 0) {
                return rejected(fileName, List.of(Problem.ofFile(fileName, "файл пуст (0 байт)")));
            }
            FileFormat format = FileFormat.detect(file);
            return switch (format) {
                case RESULTS_CSV, FISOKO_FORM, FISOKO_EXPORT_2021, FISOKO_EXPORT_2020 ->
                        tx.execute(status -> results.run(file, fileName, format, hash, user, options, status));
                case RCOI_GIA -> tx.execute(status -> results.run(file, fileName, format, hash, user, options, status));
                case SCHOOLS_CSV -> tx.execute(status -> schools.run(file, fileName, hash, user, status));
                case MARK_SCALES_CSV -> tx.execute(status -> scales.scales(file, fileName, hash, user, status));
                case SCALE_CORRECTIONS_CSV -> tx.execute(status -> scales.corrections(file, fileName, hash, user, status));
                case OFFICIAL_MARKERS_XLSX -> tx.execute(status -> markers.run(file, fileName, hash, user, options, status));
                case UNKNOWN -> rejected(fileName, List.of(Problem.ofFile(fileName,
                        "формат файла не распознан: ожидается results.csv (столбцы procedure, year, subject, grade, "
                                + "school_code, participant, …), schools.csv (school_code, name, municipality_code, …), "
                                + "шкалы (year, grade, subject, mark2_from, …) или файл ВПР из ФИС ОКО (xlsx: форма "
                                + "сбора результатов с листом «Протокол» или выгрузка «Проведение работы по …»)")));
            };
        } catch (InputException e) {
            return rejected(fileName, e.problems());
        } catch (IOException | UncheckedIOException e) {
            return rejected(fileName, List.of(Problem.ofFile(fileName, "файл не удаётся прочитать: " + e.getMessage())));
        } catch (DataAccessException e) {
            return rejected(fileName, List.of(Problem.ofFile(fileName,
                    "база данных отклонила запись, ничего не сохранено: " + e.getMostSpecificCause().getMessage())));
        }
    }

    private static ImportOutcome rejected(String fileName, List<Problem> problems) {
        return new ImportOutcome.Rejected(fileName, problems, problems.size());
    }
}
