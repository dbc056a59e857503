package ru.msoko.core.objectivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The methods page must name every sign and every setting with its default, so it cannot fall behind the code. */
class MethodsDocumentationTest {

    private static String page() throws Exception {
        return Files.readString(Path.of("..", "docs", "methods", "README.md"), StandardCharsets.UTF_8);
    }

    @Test
    void everySignIsDocumented() throws Exception {
        String page = page();
        for (SignCode code : SignCode.values()) {
            assertThat(page).contains("`" + code.name() + "`");
        }
    }

    @Test
    void everySettingIsDocumentedWithItsDefault() throws Exception {
        String page = page();
        for (Parameter p : Parameter.values()) {
            assertThat(page).contains("| `" + p.key() + "` | " + AnalysisWriter.number(p.defaultValue()) + " |");
        }
    }

    @Test
    void thePageStatesTheMethodVersion() throws Exception {
        assertThat(page()).contains("**" + ObjectivitySettings.METHOD_VERSION + "**");
    }
}
