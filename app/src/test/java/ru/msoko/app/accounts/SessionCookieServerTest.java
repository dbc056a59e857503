package ru.msoko.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msoko.app.support.Databases;

/**
 * The session settings as the real embedded Tomcat applies them (MockMvc has no container): the idle timeout
 * from msoko.security.session-timeout, and the session cookie's flags, Secure only over https (here: behind a
 * proxy that says so, with server.forward-headers-strategy=native).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"msoko.security.session-timeout=7m", "server.forward-headers-strategy=native"})
class SessionCookieServerTest {

    @Autowired
    WebServerApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry);
    }

    private String sessionCookie(boolean https) throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + context.getWebServer().getPort() + "/login"));
        if (https) {
            get.header("X-Forwarded-Proto", "https");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(get.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        // the login form holds a CSRF token kept in the session, so opening it starts a session
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
    }

    @Test
    void theIdleTimeoutComesFromTheSetting() {
        Context app = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(app.getSessionTimeout()).isEqualTo(7); // minutes
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSecureOnlyOverHttps() throws Exception {
        String plain = sessionCookie(false);
        assertThat(plain).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        assertThat(sessionCookie(true)).contains("HttpOnly", "SameSite=Lax", "Secure");
    }
}
