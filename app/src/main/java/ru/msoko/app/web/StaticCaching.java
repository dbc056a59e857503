package ru.msoko.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long a browser keeps the app's static files (issue #7, page speed). Without this every answer carried Spring
 * Security's «no-store», so each page made the browser fetch htmx, ECharts (1 MB), the style sheet and the scripts
 * again. A webjar under its versioned path (the one {@link WebjarLinks} puts into every page) never changes: it is
 * kept for a year without asking. The other public static files ({@code /css/}, {@code /js/}, the favicon, a
 * webjar named without its version) may change with the next version of the app under the same name: the browser
 * keeps them but asks each time whether they changed (answered «304 Not Modified» from their date). Pages, the API
 * and its description (signed-in users only) are untouched: Spring Security's «no-store» stays on them.
 */
@Component
class StaticCaching extends OncePerRequestFilter {

    /** {@code /webjars/<name>/<version>/…}: a version starts with a digit (htmx.org/2.0.4, echarts/5.5.0). */
    static final Pattern VERSIONED_WEBJAR = Pattern.compile("^/webjars/[^/]+/\\d[^/]*/.+");
    static final String YEAR = "public, max-age=31536000, immutable";
    static final String ASK_FIRST = "no-cache";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rule = rule(request.getRequestURI().substring(request.getContextPath().length()));
        if (rule != null && "GET".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, rule);
        }
        chain.doFilter(request, response);
    }

    /** The Cache-Control of a static path, or null for anything else (pages, fragments, the API). */
    static String rule(String path) {
        if (path.startsWith(WebjarLinks.WEBJARS)) {
            return VERSIONED_WEBJAR.matcher(path).matches() ? YEAR : ASK_FIRST;
        }
        boolean file = path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/favicon.");
        return file ? ASK_FIRST : null;
    }
}
