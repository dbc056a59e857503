package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * Upload names are what the browser claims, so they are only shown, never used as paths: the last path element,
 * no control or invisible formatting characters, at most {@link ImportController#NAME_LIMIT} characters.
 */
class UploadNameTest extends TerritoryWebTest {

    private static final String LONG = "я".repeat(1000) + ".csv";

    @Test
    void onlyTheLastPathElementIsKept() {
        assertThat(ImportController.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ImportController.safeName("..\\..\\x.csv")).isEqualTo("x.csv");
        assertThat(ImportController.safeName("C:\\Users\\Иван\\Документы\\results.csv")).isEqualTo("results.csv");
        assertThat(ImportController.safeName("a/..")).isEqualTo("без имени");
        assertThat(ImportController.safeName("dir/")).isEqualTo("без имени");
        assertThat(ImportController.safeName(null)).isEqualTo("без имени");
    }

    @Test
    void controlAndInvisibleCharactersAreRemoved() {
        assertThat(ImportController.safeName("a\u0000b\r\n\t.csv")).isEqualTo("ab.csv");
        // U+202E turns «vsc.exe» into a look-alike of «exe.csv»; U+200B is invisible
        assertThat(ImportController.safeName("\u202Evsc.exe\u200B")).isEqualTo("vsc.exe");
        // a NUL between the dots does not hide a parent reference
        assertThat(ImportController.safeName("x/.\u0000.")).isEqualTo("без имени");
    }

    @Test
    void aLongNameIsCappedAndKeepsItsExtension() {
        String n = ImportController.safeName(LONG);
        assertThat(n.codePointCount(0, n.length())).isEqualTo(ImportController.NAME_LIMIT);
        assertThat(n).startsWith("яяя").contains("…").endsWith("я.csv");
        String surrogates = ImportController.safeName("😀".repeat(300));
        // 200 characters, not 200 UTF-16 units, and no emoji cut in half
        assertThat(surrogates.codePointCount(0, surrogates.length())).isEqualTo(ImportController.NAME_LIMIT);
        assertThat(surrogates.replace("😀", "")).isEqualTo("…");
    }

    @Test
    void hostileNamesSentThroughTheUploadFormAreStoredAndShownCleaned() throws Exception {
        List<String> sent = List.of("../../etc/passwd", "..\\..\\x.csv", "a\u0000b\r\n.csv", LONG);
        for (int i = 0; i < sent.size(); i++) {
            // each content differs so that none is skipped as already imported; none is a table, so each is rejected
            MockMultipartFile f = new MockMultipartFile("files", sent.get(i), "text/csv",
                    ("не таблица " + i).getBytes(StandardCharsets.UTF_8));
            String page = jobPage(mvc.perform(multipart("/imports").file(f).with(user(region)).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andReturn(), region);
            assertThat(page).doesNotContain("../", "..\\", "\u0000");
        }
        List<String> stored = jdbc.sql("select file_name from import_rejection order by id").query(String.class).list();
        assertThat(stored).hasSize(4);
        assertThat(stored.subList(0, 3)).containsExactly("passwd", "x.csv", "ab.csv");
        assertThat(stored.get(3)).hasSize(ImportController.NAME_LIMIT).endsWith(".csv");
    }
}
