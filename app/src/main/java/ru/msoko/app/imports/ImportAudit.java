package ru.msoko.app.imports;

import ru.msoko.app.audit.Action;
import ru.msoko.app.audit.Auditor;
import ru.msoko.app.audit.Outcome;

/**
 * The audit event of one file's import, from the web and the command line alike: its outcome says what happened.
 * A rejection is recorded by its summary only: problem messages may quote cells of the file.
 */
final class ImportAudit {

    private ImportAudit() {
    }

    static ImportOutcome recorded(Auditor auditor, String user, ImportOutcome outcome) {
        Auditor.What what;
        if (outcome instanceof ImportOutcome.Imported i) {
            what = Auditor.What.of(Action.IMPORT, "import_batch", i.batchId(), i.summary(), Outcome.OK);
        } else if (outcome instanceof ImportOutcome.AlreadyImported a) {
            what = Auditor.What.of(Action.IMPORT_DUPLICATE, "import_batch", a.batchId(), a.summary(), Outcome.OK);
        } else {
            what = Auditor.What.of(Action.IMPORT_REJECTED, "file", null, outcome.summary(), Outcome.REFUSED);
        }
        auditor.record(user, what);
        return outcome;
    }
}
