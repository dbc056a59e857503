package ru.msoko.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.msoko.app.audit.AuditLog;
import ru.msoko.app.imports.ImportRollback;
import ru.msoko.app.imports.ImportService;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.StoredResults;

/** Backup → wipe → restore and the refusals; run on H2 and on PostgreSQL by the subclasses. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class BackupContract {

    @Autowired
    ImportService service;
    @Autowired
    ImportRollback rollback;
    @Autowired
    ru.msoko.app.objectivity.AnalysisService analysis;
    @Autowired
    Backup backup;
    @Autowired
    Restore restore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditLog auditLog;
    @TempDir
    Path dir;

    /** Every table's checksum but the audit log's, which records the backups and restores themselves. */
    private Map<String, String> checksums() {
        return DatabaseState.withoutAuditLog(TableChecksums.of(dataSource));
    }

    private List<String> auditActions() {
        return jdbc.sql("select action || ' ' || outcome from audit_event order by id").query(String.class).list();
    }

    @BeforeEach
    void loadData() {
        DatabaseState.clear(jdbc);
        BackupData.load(service, rollback, jdbc, dir);
        analysis.analyse(java.util.List.of(), ru.msoko.core.objectivity.ObjectivitySettings.defaults(), "test");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private Path backup() {
        return backup.write(dir.resolve("copy.zip"), t -> { }).file();
    }

    @Test
    void aRoundTripGivesEveryTableBackWithTheSameChecksum() {
        // Fixtures: 3 schools, 2 municipalities, 7 identifiers, 6 results in 2 blocks (edu220001's three rows;
        // edu220002's three, one of them under its old login sch220002); BackupData: 3 import batches (schools,
        // results, the rolled-back grade 6), 1 rejected file with 2 problems.
        assertThat(StoredResults.count(jdbc)).isEqualTo(6);
        assertThat(count("result_block")).isEqualTo(2);
        assertThat(count("import_batch")).isEqualTo(3);
        assertThat(count("import_rejection")).isEqualTo(1);
        assertThat(count("import_rejection_problem")).isEqualTo(2);
        assertThat(count("analysis_run")).isEqualTo(1);
        Map<String, String> before = checksums();
        List<String> auditBefore = auditActions();
        Map<String, String> fingerprint = DatabaseState.fingerprint(jdbc);
        long maxSchoolId = jdbc.sql("select max(id) from school").query(Long.class).single();

        Backup.Summary summary = backup.write(dir.resolve("copy.zip"), t -> { });
        DatabaseState.clear(jdbc);
        assertThat(count("result_block")).isZero();
        Restore.Outcome outcome = restore.restore(summary.file(), false, t -> { });

        assertThat(outcome).isInstanceOf(Restore.Outcome.Restored.class);
        assertThat(outcome.message()).contains("контрольные суммы всех таблиц совпали", "тот же, что при создании копии");
        assertThat(checksums()).isEqualTo(before);
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(fingerprint);
        // the copy's audit log (not the backup's own event, written after the snapshot), then the restore's event,
        // chained on: BackupData's three imports, the rollback, the rejection, and loadData's analysis run
        assertThat(auditBefore).containsExactly("IMPORT OK", "IMPORT OK", "IMPORT OK", "IMPORT_ROLLBACK OK",
                "IMPORT_REJECTED REFUSED", "ANALYSIS_RUN OK");
        List<String> auditAfter = new ArrayList<>(auditBefore);
        auditAfter.add("RESTORE OK");
        assertThat(auditActions()).isEqualTo(auditAfter);
        assertThat(auditLog.verify()).isEqualTo(new AuditLog.Verification(auditAfter.size(), null, null));
        assertThat(jdbc.sql("select name from school where code = 'edu220001'").query(String.class).single())
                .isEqualTo(BackupData.AWKWARD_NAME);
        // the identity counter continues after the restored ids
        jdbc.sql("insert into municipality (code, name) values ('M99', 'Новый')").update();
        jdbc.sql("insert into school (code, name, municipality_id) select 'new', 'Новая', id from municipality where code = 'M99'")
                .update();
        assertThat(jdbc.sql("select id from school where code = 'new'").query(Long.class).single()).isGreaterThan(maxSchoolId);
    }

    @Test
    void theManifestListsEveryTableWithItsRowsAndSaysTheSecretIsNotInside() throws IOException {
        Path file = backup();
        Manifest m = manifest(file);
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where lower(table_schema) = 'public' and lower(table_type) = 'base table'
                  and table_name <> 'flyway_schema_history' order by table_name""").query(String.class).list();

        assertThat(m.tables()).extracting(Manifest.Entry::table).containsExactlyInAnyOrderElementsOf(tables);
        assertThat(m.entry("result_block").digest().rows()).isEqualTo(2);
        assertThat(m.entry("school").digest().rows()).isEqualTo(3);
        assertThat(m.schemaVersion()).isEqualTo(jdbc.sql("select version from flyway_schema_history")
                .query(String.class).list().stream().filter(v -> v != null)
                .map(org.flywaydb.core.api.MigrationVersion::fromVersion).max(Comparable::compareTo).orElseThrow()
                .getVersion());
        // parents before children: a result's school and batch are loaded first
        List<String> order = m.tables().stream().map(Manifest.Entry::table).toList();
        assertThat(order.indexOf("school")).isLessThan(order.indexOf("result_block"));
        assertThat(order.indexOf("municipality")).isLessThan(order.indexOf("school"));
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(Manifest.FILE))) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).contains("secret.key НЕ входит в копию", "secret.key.included=false");
        }
    }

    @Test
    void aBackupIsOneSnapshotEvenWhenRowsArriveWhileItRuns() throws IOException {
        long municipalities = count("municipality");
        List<String> seen = new ArrayList<>();
        Path file = backup.write(dir.resolve("copy.zip"), table -> {
            if (seen.isEmpty()) {
                // another connection commits a row into a table the backup has not read yet
                jdbc.sql("insert into municipality (code, name) values ('M77', 'Во время копии')").update();
            }
            seen.add(table);
        }).file();

        assertThat(seen.get(0)).doesNotStartWith("municipality");
        assertThat(count("municipality")).isEqualTo(municipalities + 1);
        assertThat(manifest(file).entry("municipality").digest().rows()).isEqualTo(municipalities);
    }

    @Test
    void aDatabaseWithDataIsReplacedOnlyWhenAsked() {
        Path file = backup();
        Map<String, String> before = checksums();
        jdbc.sql("delete from result_block where school_id = (select id from school where code = 'edu220002')")
                .update();
        Map<String, String> changed = checksums();
        long events = auditActions().size();

        Restore.Outcome refused = restore.restore(file, false, t -> { });

        assertThat(refused).isInstanceOf(Restore.Outcome.Refused.class);
        assertThat(refused.message()).contains("база данных не пуста", "result_block (1)", "--replace", "База данных не изменена");
        assertThat(checksums()).isEqualTo(changed);
        assertThat(auditActions()).hasSize((int) events + 1).endsWith("RESTORE REFUSED");

        Restore.Outcome replaced = restore.restore(file, true, t -> { });

        assertThat(replaced).isInstanceOf(Restore.Outcome.Restored.class);
        assertThat(checksums()).isEqualTo(before);
        // the log is the copy's (the six events of loadData) and the replacing restore's: the events after the
        // copy are gone with the rest of the data it replaced, and the chain is whole
        assertThat(auditActions()).hasSize(7).endsWith("RESTORE OK");
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Test
    void aCorruptedBackupIsRefusedByItsChecksumAndTheDatabaseIsUnchanged() throws IOException {
        Path file = backup();
        Map<String, String> before = checksums();
        // one row of result_block.tsv changed: the first block's row count (column 5) 3 becomes 4;
        // lines 0 and 1 of a table file are the column names and kinds
        Path bad = BackupData.tampered(file, Manifest.tableFile("result_block"), text -> {
            String[] lines = text.split("\n", -1);
            String[] fields = lines[2].split("\t", -1);
            assertThat(fields[4]).isEqualTo("3");
            fields[4] = "4";
            lines[2] = String.join("\t", fields);
            return String.join("\n", lines);
        });

        Restore.Outcome outcome = restore.restore(bad, true, t -> { });

        assertThat(outcome).isInstanceOf(Restore.Outcome.Refused.class);
        assertThat(outcome.message()).contains("копия повреждена: tables/result_block.tsv", "2\u00A0строки",
                "контрольная сумма SHA-256 не совпадает", "База данных не изменена");
        assertThat(checksums()).isEqualTo(before);
        // the audit rows were deleted and loaded again inside the transaction: rolled back with it
        assertThat(auditActions()).endsWith("BACKUP OK", "RESTORE REFUSED");
        assertThat(auditLog.verify().intact()).isTrue();
    }

    @Test
    void aBackupOfAnotherSchemaVersionIsRefusedAndSaysWhich() throws IOException {
        Path file = backup();
        String current = manifest(file).schemaVersion();
        Path old = BackupData.tampered(file, Manifest.FILE,
                text -> text.replace("schema.version=" + current + "\n", "schema.version=16\n"));
        DatabaseState.clear(jdbc);
        Map<String, String> before = checksums();

        Restore.Outcome outcome = restore.restore(old, false, t -> { });

        assertThat(outcome).isInstanceOf(Restore.Outcome.Refused.class);
        assertThat(outcome.message()).contains("версия схемы базы данных " + current + ", а копии — 16");
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotABackupIsRefused() throws IOException {
        Path notZip = java.nio.file.Files.writeString(dir.resolve("notes.zip"), "не архив");

        Restore.Outcome outcome = restore.restore(notZip, true, t -> { });

        assertThat(outcome).isInstanceOf(Restore.Outcome.Refused.class);
        assertThat(outcome.message()).contains("не zip-архив резервной копии");
        assertThat(StoredResults.count(jdbc)).isEqualTo(6);
    }

    static Manifest manifest(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry(Manifest.FILE))) {
            return Manifest.read(in);
        }
    }
}
