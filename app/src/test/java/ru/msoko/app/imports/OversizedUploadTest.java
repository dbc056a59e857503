package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.jobs.Jobs;
import ru.msoko.app.security.Role;
import ru.msoko.app.security.UserRepository;
import ru.msoko.app.support.DatabaseState;
import ru.msoko.app.support.Databases;
import ru.msoko.app.support.JobWait;

/**
 * A file over the upload limit sent through the real server (Tomcat parses multipart, which MockMvc does not) with
 * the page's own form: signed in, with the form's CSRF token. The answer is the Russian page, not a stack trace.
 * The limit is lowered to 10 KB here so that the test sends 50 KB, not 200 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=10KB", "spring.servlet.multipart.max-request-size=10KB"})
class OversizedUploadTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserRepository users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Jobs jobs;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    @BeforeEach
    void signIn() throws Exception {
        DatabaseState.clear(jdbc);
        users.create("r", encoder.encode("secret-pass"), "Регион", Role.REGION_ADMIN, null, null);
        String token = csrf(get("/login"));
        String form = "username=r&password=secret-pass&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> in = http.send(page("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(in.uri().getPath()).isEqualTo("/");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A request as a browser sends it: it asks for HTML (otherwise Spring answers errors with JSON). */
    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(page(path).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    /** Posts the upload form of /imports as a browser does: the CSRF field, then the file. */
    private HttpResponse<String> upload(String fileName, byte[] content) throws IOException, InterruptedException {
        String token = csrf(get("/imports"));
        String boundary = "----msoko-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(page("/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSmallFileGoesThroughTheSameForm() throws Exception {
        HttpResponse<String> r = upload("a.csv", "a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8));

        // the form leads to the page of the upload's background job; once it has ended the page shows the outcome
        assertThat(r.statusCode()).isEqualTo(200);
        String job = r.uri().getPath();
        JobWait.of(jobs, job);
        assertThat(get(job)).contains("a.csv: формат файла не распознан");
    }

    @Test
    void aFileOverTheLimitGetsARussianPageAndChangesNothing() throws Exception {
        var before = DatabaseState.fingerprint(jdbc);
        long rejections = jdbc.sql("select count(*) from import_rejection").query(Long.class).single();

        HttpResponse<String> r = upload("большой.csv", new byte[50 * 1024]);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("Файл слишком большой", "10 КБ</span> за раз", "база данных не изменена")
                .doesNotContain("Exception", "Whitelabel");
        assertThat(DatabaseState.fingerprint(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from import_rejection").query(Long.class).single()).isEqualTo(rejections);
    }
}
