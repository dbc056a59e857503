package ru.msoko.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import ru.msoko.app.support.TerritoryWebTest;

/** Webjar links get their version; other links are left alone; Boot's own encoding filter is not registered. */
class WebjarLinksTest extends TerritoryWebTest {

    @Autowired
    ApplicationContext context;

    @Test
    void onlyWebjarLinksAreRewritten() throws Exception {
        String html = mvc.perform(get("/schools/edu220001").with(user(region))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        // htmx and ECharts: the templates name them without a version, the page with the webjar's version
        assertThat(html).containsPattern("/webjars/htmx\\.org/\\d[^/\"]*/dist/htmx\\.min\\.js")
                .contains("/webjars/echarts/5.5.0/echarts.min.js")
                .doesNotContain("\"/webjars/htmx.org/dist/htmx.min.js\"");
        // an ordinary link stays as the template wrote it
        assertThat(html).contains("/schools/edu220001/signs");
        assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class).values())
                .singleElement().isInstanceOf(WebjarLinks.class);
    }

    /**
     * Cache-Control (StaticCaching): a webjar under its versioned path is kept a year without asking, the same
     * webjar without its version and the app's own static files are revalidated (a 304 when unchanged), and a
     * page keeps Spring Security's «no-store».
     */
    @Test
    void versionedWebjarsAreKeptForAYearOtherStaticFilesAskFirstPagesAreNotStored() throws Exception {
        MockHttpServletResponse webjar = mvc.perform(get("/webjars/echarts/5.5.0/echarts.min.js")).andReturn()
                .getResponse();
        assertThat(webjar.getStatus()).isEqualTo(200);
        assertThat(webjar.getHeader("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        MockHttpServletResponse versionFree = mvc.perform(get("/webjars/echarts/echarts.min.js")).andReturn()
                .getResponse();
        assertThat(versionFree.getStatus()).isEqualTo(200);
        assertThat(versionFree.getHeader("Cache-Control")).isEqualTo("no-cache");

        MockHttpServletResponse css = mvc.perform(get("/css/app.css")).andReturn().getResponse();
        assertThat(css.getStatus()).isEqualTo(200);
        assertThat(css.getHeader("Cache-Control")).isEqualTo("no-cache");
        String lastModified = css.getHeader("Last-Modified");
        assertThat(lastModified).isNotBlank();
        assertThat(mvc.perform(get("/css/app.css").header("If-Modified-Since", lastModified)).andReturn()
                .getResponse().getStatus()).isEqualTo(304);
        assertThat(mvc.perform(get("/js/keys.js")).andReturn().getResponse().getHeader("Cache-Control"))
                .isEqualTo("no-cache");

        MockHttpServletResponse page = mvc.perform(get("/schools/edu220001").with(user(region))).andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
    }
}
