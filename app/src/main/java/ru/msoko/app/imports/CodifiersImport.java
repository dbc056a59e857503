package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.codifiers.CodifierRepository;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.fisoko.CodifierFiles;
import ru.msoko.core.fisoko.WorkCodifier;

/** Stores a folder of ВПР work descriptions as reference data, inside the caller's transaction. */
@Component
class CodifiersImport {

    private final DirectoryRepository directory;
    private final CodifierRepository codifiers;
    private final ImportLog log;

    CodifiersImport(DirectoryRepository directory, CodifierRepository codifiers, ImportLog log) {
        this.directory = directory;
        this.codifiers = codifiers;
        this.log = log;
    }

    ImportOutcome run(Path folder, String name, Integer year, String hash, String user, TransactionStatus status) {
        List<WorkCodifier> works;
        try {
            works = CodifierFiles.scan(folder, year);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DirectorySnapshot snapshot = directory.snapshot();
        List<Problem> problems = new ArrayList<>();
        for (WorkCodifier w : works) {
            if (w.year() == null) {
                problems.add(Problem.ofFile(w.source(), "год описания не указан: положите папку в папку года "
                        + "(2021/" + w.grade() + "/…) или укажите год (--year)"));
            }
            if (snapshot.subjectCode(w.subjectName()).isEmpty()) {
                problems.add(Problem.ofFile(w.source(), "предмет «" + w.subjectName() + "» не найден в справочнике предметов"));
            }
        }
        if (works.isEmpty()) {
            problems.add(Problem.ofFile(name, "в папке нет описаний работ: ожидаются файлы <класс>/<предмет>/ALL.xlsx"));
        }
        if (!problems.isEmpty()) {
            status.setRollbackOnly();
            return new ImportOutcome.Rejected(name, problems, problems.size());
        }
        long batch = log.start(name, hash, FileFormat.WORK_CODIFIERS.title(), user);
        int tasks = 0;
        for (WorkCodifier w : works) {
            String subject = snapshot.subjectCode(w.subjectName()).orElseThrow();
            codifiers.save(batch, new Procedure.Key(ProcedureKind.VPR, w.year(), subject, w.grade()),
                    snapshot.subjectId(subject), w);
            tasks += w.tasks().size();
        }
        List<String> warnings = List.of("описаний работ: " + works.size() + ", заданий в них: " + tasks);
        log.finish(batch, works.size(), works.size(), 0, warnings);
        return new ImportOutcome.Imported(name, batch, FileFormat.WORK_CODIFIERS.title(), works.size(), works.size(), 0,
                warnings);
    }
}
