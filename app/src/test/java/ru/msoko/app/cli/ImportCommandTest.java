package ru.msoko.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.StoredResults;

/** {@code msoko import} end to end on an embedded file database, as a user runs it. */
class ImportCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path files;

    private static Msoko.Run msoko(String... args) {
        return Msoko.run(args);
    }

    private long results() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("msoko") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            return StoredResults.count(JdbcClient.create(new SingleConnectionDataSource(c, true)));
        }
    }

    @Test
    void importsReportsPreciseErrorsAndRecognisesARepeatedFile() throws Exception {
        Path schools = Fixtures.write(files, "schools.csv", Fixtures.SCHOOLS);
        Path results = Fixtures.write(files, "results.csv", Fixtures.RESULTS);
        Path bad = Fixtures.write(files, "плохой.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Математика;6;edu220001;1;5
                ВПР;2025;Математика;6;edu220001;2;пять
                ВПР;2025;Математика;6;edu000000;3;4
                ВПР;2025;Математика;6;edu220001;1;4
                ВПР;2025;Математика;6
                """, Charset.forName("windows-1251"));

        Msoko.Run first = msoko("import", "--data", data.toString(), schools.toString(), results.toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.output()).contains("schools.csv: загружено", "results.csv: загружено как results.csv", "строк: 6");
        assertThat(results()).isEqualTo(6);

        Msoko.Run rejected = msoko("import", "--data", data.toString(), bad.toString());
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.output()).contains(
                "плохой.csv: не загружен, ошибок: 4 — база данных не изменена",
                "плохой.csv, строка 3, столбец «mark»: «пять» — не отметка",
                "плохой.csv, строка 4, столбец «school_code»: школа с кодом «edu000000» не найдена",
                "плохой.csv, строка 5, столбец «participant»: участник уже есть в этой процедуре (строка 2)",
                "плохой.csv, строка 6: в строке 4 полей, а в заголовке 7");
        assertThat(results()).isEqualTo(6);

        Msoko.Run again = msoko("import", "--data", data.toString(), results.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("results.csv: уже загружен ранее", "ничего не изменено");
        assertThat(results()).isEqualTo(6);

        Msoko.Run log = msoko("imports", "--data", data.toString());
        assertThat(log.exitCode()).isZero();
        assertThat(log.output()).contains("; results.csv; results.csv (канонический формат результатов); cli:",
                "; плохой.csv; cli:", "; 4");

        Path xlsx = files.resolve("ошибки.xlsx");
        Msoko.Run errors = msoko("imports", "--data", data.toString(), "--errors", "1", "--out", xlsx.toString());
        assertThat(errors.output()).contains("ошибки записаны в");
        assertThat(java.nio.file.Files.size(xlsx)).isPositive();

        Msoko.Run rollback = msoko("imports", "--data", data.toString(), "--rollback", "2");
        assertThat(rollback.exitCode()).isZero();
        assertThat(rollback.output()).contains("загрузка № 2 («results.csv») отменена: удалено 6\u00A0записей");
        assertThat(results()).isZero();
        assertThat(msoko("imports", "--data", data.toString(), "--rollback", "2").exitCode()).isEqualTo(1);

        // every step above is in the audit log as the command line's user
        assertThat(audit()).containsExactly("IMPORT OK", "IMPORT OK", "IMPORT_REJECTED REFUSED", "IMPORT_DUPLICATE OK",
                "PUPIL_DATA_DOWNLOAD OK", "IMPORT_ROLLBACK OK", "IMPORT_ROLLBACK REFUSED");
    }

    /** «action outcome» of every audit event, after checking that each names the command line's user. */
    private java.util.List<String> audit() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("msoko") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        java.util.List<String> out = new java.util.ArrayList<>();
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement();
             var rs = st.executeQuery("select username, action, outcome from audit_event order by id")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).isEqualTo("cli:" + System.getProperty("user.name", "unknown"));
                out.add(rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }

    @Test
    void aMissingFileIsAUsageError() {
        Msoko.Run run = msoko("import", "--data", data.toString(), files.resolve("нет-такого.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
