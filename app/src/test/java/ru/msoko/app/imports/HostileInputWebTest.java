package ru.msoko.app.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import ru.msoko.app.support.Fixtures;
import ru.msoko.app.support.TerritoryWebTest;

/**
 * Hostile text from the user's files on every page that shows it, in the workbook of a rejected file, and in
 * upload names: markup is escaped (never raw), formula-like cells are neutralised, a path in a name is cut
 * to its last element.
 */
class HostileInputWebTest extends TerritoryWebTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String AREA = "<svg onload=alert(2)>район";
    private static final String AREA_ESCAPED = "&lt;svg onload=alert(2)&gt;район";
    private static final String FILE = "<img src=x onerror=alert(1)>.csv";
    private static final String FILE_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;.csv";
    private static final String BOLD = "<b>x</b>";
    private static final String BOLD_ESCAPED = "&lt;b&gt;x&lt;/b&gt;";
    /** The raw forms: none may ever reach a page. */
    private static final String[] RAW = {SCRIPT, "<svg onload", "<img src=x", BOLD};

    private String uploadPage;

    private String upload(String name, String content) throws Exception {
        MockMultipartFile file = new MockMultipartFile("files", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
        return jobPage(mvc.perform(multipart("/imports").file(file).with(user(region)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn(), region);
    }

    /** A page as the browser asks for it; the URL is taken as it is (already encoded). */
    private String page(String url) throws Exception {
        return mvc.perform(get(java.net.URI.create(url)).with(user(region))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void importHostileNames() throws Exception {
        assertThat(upload("schools-2.csv", Fixtures.SCHOOLS + "edu220004;" + SCRIPT + ";M03;" + AREA + ";;СОШ;город;500\n"))
                .contains("загружен");
        assertThat(upload("results-4.csv", """
                procedure;year;subject;grade;school_code;participant;mark
                ВПР;2025;Математика;5;edu220004;60001;4
                ВПР;2025;Математика;5;edu220004;60002;3
                """)).contains("загружен");
        // a bad row: the gender echoes markup, the task column's header begins like a formula
        uploadPage = upload(FILE, """
                procedure;year;subject;grade;school_code;participant;gender;@SUM(1) (1б);mark
                ВПР;2024;Математика;6;edu220001;70001;<b>x</b>;9;4
                """);
        awaitJob(mvc.perform(post("/risk/run").with(user(region)).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn());
    }

    @Test
    void everyPageThatShowsTheHostileTextEscapesIt() throws Exception {
        long m03 = id("select id from municipality where code = 'M03'");
        // the page, and the escaped forms it must show (what it shows is read off its template)
        List<String[]> pages = List.of(
                new String[]{"/", AREA_ESCAPED},
                new String[]{"/dashboard/municipalities/" + m03 + "/schools", SCRIPT_ESCAPED},
                new String[]{"/schools/edu220004", SCRIPT_ESCAPED},
                new String[]{"/schools/edu220004/signs", ""},
                new String[]{"/search?q=220", SCRIPT_ESCAPED, AREA_ESCAPED},
                new String[]{"/search?q=" + java.net.URLEncoder.encode(BOLD, StandardCharsets.UTF_8), BOLD_ESCAPED},
                new String[]{"/imports", FILE_ESCAPED},
                new String[]{"/risk", SCRIPT_ESCAPED});
        List<String> checked = new ArrayList<>();
        for (String[] p : pages) {
            String html = page(p[0]);
            assertThat(html).as(p[0]).doesNotContain(RAW);
            for (int i = 1; i < p.length; i++) {
                assertThat(html).as(p[0]).contains(p[i]);
            }
            checked.add(p[0]);
        }
        assertThat(checked).hasSize(8);
    }

    @Test
    void thePolicyForbidsInlineScriptsAndNoTemplateNeedsThem() throws Exception {
        String csp = mvc.perform(get("/").with(user(region))).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "default-src 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        List<String> offending = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/templates"))) {
            for (java.nio.file.Path t : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = java.nio.file.Files.readString(t);
                // a script element without a source, an inline event handler, a javascript: link
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "<script(?![^>]*\\bth:src=)[^>]*>|\\son[a-z]+\\s*=|javascript:|th:on[a-z]+=").matcher(html);
                while (m.find()) {
                    offending.add(t.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(offending).isEmpty();
        // htmx may neither evaluate attributes nor run script elements in what it swaps in
        assertThat(page("/")).contains("\"allowEval\": false, \"allowScriptTags\": false");
    }

    @Test
    void theUploadAnswerEscapesTheFileNameAndTheValuesItEchoes() {
        assertThat(uploadPage).doesNotContain(RAW).contains(FILE_ESCAPED, "«" + BOLD_ESCAPED + "»");
    }

    @Test
    void theWorkbookOfTheRejectedFileNeutralisesFormulasAndKeepsRowNumbersNumbers() throws Exception {
        long rejection = id("select max(id) from import_rejection");
        byte[] xlsx = mvc.perform(get("/imports/rejections/" + rejection + ".xlsx").with(user(region)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<Row> rows;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> s = wb.getFirstSheet().openStream()) {
            rows = s.toList();
        }
        assertThat(rows.get(0).getCell(0).getText()).isEqualTo("Файл: " + FILE);
        List<Row> problems = rows.subList(2, rows.size()).stream()
                .filter(r -> r.getCellCount() > 4 && r.getCell(2) != null && r.getCell(2).getType() == CellType.NUMBER)
                .toList();
        // the bad row is line 2 of the file: a problem in the task column and one in gender
        assertThat(problems).extracting(r -> r.getCell(2).asNumber().intValue()).contains(2);
        assertThat(problems).extracting(r -> r.getCell(3).getText()).contains("'@SUM(1) (1б)", "gender");
        assertThat(problems).extracting(r -> r.getCell(4).getText()).anySatisfy(m -> assertThat(m).contains(BOLD));
        // every text cell is safe: none begins like a formula
        for (Row r : rows) {
            for (Cell c : r) {
                if (c != null && c.getType() == CellType.STRING && !c.getText().isEmpty()) {
                    assertThat("=+-@\t\r").doesNotContain(c.getText().substring(0, 1));
                }
            }
        }
    }
}
