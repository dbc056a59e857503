package ru.msoko.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.msoko.app.MsokoApplication;

/** Starts the Spring context for a command, with or without the web server. */
final class SpringRunner {

    private SpringRunner() {
    }

    static ConfigurableApplicationContext start(boolean web, DatabaseOptions db, List<String> extra) {
        List<String> args = new ArrayList<>(db.springArgs());
        args.addAll(extra);
        if (!web) {
            args.add("--logging.level.root=warn");
        }
        return new SpringApplicationBuilder(MsokoApplication.class)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .logStartupInfo(web)
                .run(args.toArray(String[]::new));
    }
}
