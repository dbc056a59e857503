package ru.msoko.app.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ru.msoko.app.MsokoApplication;
import ru.msoko.app.security.MsokoUser;
import ru.msoko.app.security.UserRepository;

/**
 * The application started as a user starts it (Flyway migrates the database to the latest version on the way),
 * and its main read pages opened as a stored user: the dashboard, a school page and the risk page.
 */
public final class MainPages {

    /** A page's status and text. */
    public record Page(int status, String html) {
    }

    private MainPages() {
    }

    /**
     * Starts the web application with {@code springArgs} (database and data folder), opens the three pages as
     * {@code username} and stops the application; the pages by path.
     */
    public static Map<String, Page> open(List<String> springArgs, String username, String schoolCode) throws Exception {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--server.port=0");
        args.add("--logging.level.root=warn");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MsokoApplication.class)
                .web(WebApplicationType.SERVLET).logStartupInfo(false).run(args.toArray(String[]::new))) {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) ctx)
                    .apply(SecurityMockMvcConfigurers.springSecurity()).build();
            MsokoUser who = ctx.getBean(UserRepository.class).find(username)
                    .orElseThrow(() -> new AssertionError("no user " + username + " in the database"));
            Map<String, Page> pages = new LinkedHashMap<>();
            for (String path : List.of("/", "/schools/" + schoolCode, "/risk")) {
                MvcResult r = mvc.perform(get(path).with(user(who))).andReturn();
                pages.put(path, new Page(r.getResponse().getStatus(),
                        r.getResponse().getContentAsString(StandardCharsets.UTF_8)));
            }
            return pages;
        }
    }
}
