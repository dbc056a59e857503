package ru.msoko.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.app.backup.TableChecksums;
import ru.msoko.app.support.Databases;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Fixtures;

/**
 * {@code msoko backup} and {@code msoko restore} end to end, as a user runs them: an embedded installation is
 * copied into PostgreSQL and back (the portable format), and every table's checksum stays the same.
 */
class BackupCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path otherData;
    @TempDir
    Path files;

    private static Msoko.Run msoko(String... args) {
        return Msoko.run(args);
    }

    @Test
    void anEmbeddedInstallationMovesToPostgresAndBackWithEveryChecksumEqual() throws Exception {
        Path schools = Fixtures.write(files, "schools.csv", Fixtures.SCHOOLS);
        Path results = Fixtures.write(files, "results.csv", Fixtures.RESULTS);
        assertThat(msoko("import", "--data", data.toString(), schools.toString(), results.toString()).exitCode()).isZero();
        // an analysis run: a row in analysis_run with timestamps, doubles may appear in analysis_sign / analysis_risk
        assertThat(msoko("analyze", "--data", data.toString(), "--out", files.resolve("analiz").toString()).exitCode())
                .isZero();
        Map<String, String> h2Tables = TableChecksums.of(Databases.h2File(data));
        assertThat(h2Tables.get("analysis_run")).startsWith("1:");
        // the six results in two blocks: edu220001's three and edu220002's three (one under its old login)
        assertThat(h2Tables.get("result_block")).startsWith("2:");
        Path copy = files.resolve("copy.zip");

        Msoko.Run backup = msoko("backup", "--data", data.toString(), "--out", copy.toString());

        assertThat(backup.exitCode()).isZero();
        // schools.csv: 3 schools, 2 municipalities, 7 identifiers; results.csv: 6 results in 2 blocks
        assertThat(backup.output()).contains("Резервная копия записана: " + copy, "  result_block: 2", "  school: 3",
                "Секретный ключ псевдонимизации в копию НЕ входит. Он лежит в " + data.resolve("secret.key"));

        Map<String, String> pgProps = Databases.freshPostgres();
        Msoko.Run toPostgres = msoko("restore", copy.toString(), "--data", otherData.toString(),
                "--jdbc-url", pgProps.get("spring.datasource.url"), "--db-user", pgProps.get("spring.datasource.username"),
                "--db-password", pgProps.get("spring.datasource.password"));

        assertThat(toPostgres.exitCode()).as(toPostgres.output()).isZero();
        assertThat(toPostgres.output()).contains("контрольные суммы всех таблиц совпали", "H2",
                "ВНИМАНИЕ: ключ псевдонимизации " + otherData.resolve("secret.key") + " не тот");
        Map<String, String> inPostgres = TableChecksums.of(Databases.postgresDataSource(pgProps));
        assertThat(DatabaseState.withoutAuditLog(inPostgres)).isEqualTo(DatabaseState.withoutAuditLog(h2Tables));
        // the copy's audit log (two imports and the analysis at least) and the restore's own event after it
        assertThat(DatabaseState.rows(h2Tables, "audit_event")).isGreaterThanOrEqualTo(3);
        assertThat(DatabaseState.rows(inPostgres, "audit_event")).isEqualTo(DatabaseState.rows(h2Tables, "audit_event") + 1);

        // as the user guide says: the key is carried over by hand, so the next backup names the same key
        Files.copy(data.resolve("secret.key"), otherData.resolve("secret.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path fromPostgres = files.resolve("from-postgres.zip");
        Msoko.Run pgBackup = msoko("backup", "--data", otherData.toString(), "--out", fromPostgres.toString(),
                "--jdbc-url", pgProps.get("spring.datasource.url"), "--db-user", pgProps.get("spring.datasource.username"),
                "--db-password", pgProps.get("spring.datasource.password"));
        assertThat(pgBackup.exitCode()).isZero();

        Msoko.Run refused = msoko("restore", fromPostgres.toString(), "--data", data.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("Не восстановлено: база данных не пуста", "--replace");

        assertThat(msoko("imports", "--data", data.toString(), "--rollback", "2").exitCode()).isZero();
        assertThat(DatabaseState.withoutAuditLog(TableChecksums.of(Databases.h2File(data))))
                .isNotEqualTo(DatabaseState.withoutAuditLog(h2Tables));

        Msoko.Run back = msoko("restore", fromPostgres.toString(), "--replace", "--data", data.toString());

        assertThat(back.exitCode()).as(back.output()).isZero();
        assertThat(back.output()).contains("PostgreSQL", "контрольные суммы всех таблиц совпали",
                "тот же, что при создании копии");
        assertThat(DatabaseState.withoutAuditLog(TableChecksums.of(Databases.h2File(data))))
                .isEqualTo(DatabaseState.withoutAuditLog(h2Tables));
    }

    @Test
    void aMissingBackupFileIsAUsageError() {
        Msoko.Run run = msoko("restore", files.resolve("нет.zip").toString(), "--data", data.toString());
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
