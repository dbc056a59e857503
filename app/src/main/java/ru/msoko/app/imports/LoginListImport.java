package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolIdentifier;
import ru.msoko.core.fisoko.LoginListXlsx;

/**
 * Imports the ФИС ОКО login list as school directory entries: a login the directory does not know (under
 * either spelling, sch… or edu…) becomes a school with the list's name in the list's municipality, which is
 * matched by name whatever its spelling («г. Алейск» = «город Алейск»). Known schools are left as they are.
 */
@Component
class LoginListImport {

    private final DirectoryRepository directory;
    private final ImportLog log;

    LoginListImport(DirectoryRepository directory, ImportLog log) {
        this.directory = directory;
        this.log = log;
    }

    ImportOutcome run(Path file, String fileName, String hash, String user, TransactionStatus status) {
        LoginListXlsx.Summary read;
        try {
            read = LoginListXlsx.read(file, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!read.problems().isEmpty()) {
            status.setRollbackOnly();
            return new ImportOutcome.Rejected(fileName, read.problems(), read.problems().size());
        }
        long batch = log.start(fileName, hash, FileFormat.LOGIN_LIST_XLSX.title(), user);
        Map<String, String> owners = directory.identifierOwners();
        int created = 0;
        for (LoginListXlsx.Entry e : read.entries()) {
            if (owners.containsKey(e.login()) || owners.containsKey(renamed(e.login()))) {
                continue;
            }
            String municipality = directory.ensureMunicipality(null, e.municipality()).code();
            directory.saveSchool(new School(e.login(), e.name(), municipality, null, null, SchoolContext.unknown(),
                    List.of(SchoolIdentifier.parse(e.login()))), directory.municipalityId(municipality));
            created++;
        }
        List<String> warnings = new ArrayList<>();
        int known = read.entries().size() - created;
        if (known > 0) {
            warnings.add("школ, уже известных справочнику (не изменялись): " + known);
        }
        log.finish(batch, read.entries().size(), created, 0, warnings);
        return new ImportOutcome.Imported(fileName, batch, FileFormat.LOGIN_LIST_XLSX.title(), read.entries().size(),
                created, 0, warnings);
    }

    /** ФИС ОКО renamed sch22NNNN to edu22NNNN in 2022 keeping the number (data-formats §1.7). */
    private static String renamed(String login) {
        if (login.startsWith("sch")) {
            return "edu" + login.substring(3);
        }
        return login.startsWith("edu") ? "sch" + login.substring(3) : login;
    }
}
