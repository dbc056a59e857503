package ru.msoko.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.msoko.app.support.Fixtures;

/** {@code msoko users} on an embedded file database: add, list, reset-password, unlock; the password from stdin. */
class UsersCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path files;

    private record Run(int exitCode, String output) {
    }

    private Run msoko(String stdin, String... args) {
        PrintStream out = System.out;
        InputStream in = System.in;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return new Run(MsokoCli.create().execute(args), buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setIn(in);
        }
    }

    private void sql(String update) throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("msoko") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement()) {
            st.executeUpdate(update);
        }
    }

    @Test
    void addsListsResetsAndUnlocks() throws Exception {
        String d = data.toString();
        assertThat(msoko("", "import", "--data", d,
                Fixtures.write(files, "schools.csv", Fixtures.SCHOOLS).toString()).exitCode()).isZero();

        Run weak = msoko("qwerty12345\n", "users", "add", "--data", d, "ivanova", "--name", "Иванова А. А.",
                "--role", "MUNICIPALITY_ADMIN", "--municipality", "M01");
        assertThat(weak.exitCode()).isEqualTo(1);
        assertThat(weak.output()).contains("Пароль слишком распространён");

        Run added = msoko("Kx9-mirt-plov\n", "users", "add", "--data", d, "ivanova", "--name", "Иванова А. А.",
                "--role", "MUNICIPALITY_ADMIN", "--municipality", "M01");
        assertThat(added.exitCode()).isZero();
        assertThat(added.output()).contains("Пользователь «ivanova» создан.");

        Run wrongLevel = msoko("Kx9-mirt-plov\n", "users", "add", "--data", d, "head1", "--name", "Директор",
                "--role", "SCHOOL", "--municipality", "M01");
        assertThat(wrongLevel.exitCode()).isEqualTo(1);
        assertThat(wrongLevel.output()).contains("не назначается на уровне «муниципалитет»");

        sql("update app_user set locked_until = timestamp with time zone '2999-01-01 00:00:00+00' "
                + "where username = 'ivanova'");
        assertThat(msoko("", "users", "list", "--data", d).output())
                .contains("ivanova; администратор муниципалитета; Северский округ; пароль; временно заблокирована");
        assertThat(msoko("", "users", "unlock", "--data", d, "ivanova").output()).contains("Блокировка снята.");
        assertThat(msoko("", "users", "list", "--data", d).output()).contains("Северский округ; пароль; активна");

        Run reset = msoko("ivanova-2026-pass\n", "users", "reset-password", "--data", d, "ivanova");
        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.output()).contains("Пароль не должен совпадать с именем пользователя или содержать его.");
        assertThat(msoko("Zelenyi-chai-44\n", "users", "reset-password", "--data", d, "ivanova").output())
                .contains("Пароль изменён.");
        assertThat(msoko("", "users", "unlock", "--data", d, "nobody").output()).contains("Пользователя «nobody» нет.");
    }
}
