package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.app.textbooks.TextbookRepository;
import ru.msoko.core.fisoko.TextbookListXlsx;

/**
 * Stores the ФИС ОКО list of textbooks as reference data, inside the caller's transaction: a later list wins for
 * the codes it has, and a rollback brings the earlier descriptions back.
 */
@Component
class TextbooksImport {

    private final DirectoryRepository directory;
    private final TextbookRepository textbooks;
    private final ImportLog log;

    TextbooksImport(DirectoryRepository directory, TextbookRepository textbooks, ImportLog log) {
        this.directory = directory;
        this.textbooks = textbooks;
        this.log = log;
    }

    ImportOutcome run(Path file, String fileName, String hash, String user, TransactionStatus status) {
        TextbookListXlsx.Summary read;
        try {
            read = TextbookListXlsx.read(file, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!read.problems().isEmpty()) {
            status.setRollbackOnly();
            return new ImportOutcome.Rejected(fileName, read.problems(), read.problems().size());
        }
        long batch = log.start(fileName, hash, FileFormat.TEXTBOOKS_XLSX.title(), user);
        DirectorySnapshot snapshot = directory.snapshot();
        int withoutSubject = 0;
        for (TextbookListXlsx.Entry e : read.entries()) {
            Long subject = e.textbook().subjectName().flatMap(snapshot::subjectCode).map(snapshot::subjectId).orElse(null);
            withoutSubject += subject == null ? 1 : 0;
            textbooks.save(batch, e.textbook(), subject, e.description());
        }
        List<String> warnings = new ArrayList<>();
        if (withoutSubject > 0) {
            warnings.add("учебников, чей предмет не найден в справочнике предметов (сохранены без предмета): "
                    + withoutSubject);
        }
        if (read.placeholders() > 0) {
            warnings.add("пропущено строк «nan» — «Нет данных» (учебник не указан): " + read.placeholders());
        }
        log.finish(batch, read.entries().size(), read.entries().size(), 0, warnings);
        return new ImportOutcome.Imported(fileName, batch, FileFormat.TEXTBOOKS_XLSX.title(), read.entries().size(),
                read.entries().size(), 0, warnings);
    }
}
