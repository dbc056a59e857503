package ru.msoko.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Turns the version-free webjar links of the templates ({@code @{/webjars/htmx.org/dist/htmx.min.js}}) into the
 * versioned paths the webjar serves, and leaves every other link alone. It replaces the filter Spring Boot registers
 * for this, which tried every link of a page as a static resource: a link to a school is never one, the miss is not
 * cached, and each try searched the class path's jars — half of the time of rendering a school page (profiled with
 * JFR on the demo region: 1,234 of 2,706 samples in rendering, docs/benchmarks.md).
 */
@Component
class WebjarLinks extends ResourceUrlEncodingFilter {

    static final String WEBJARS = "/webjars/";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            chain.doFilter(request, new HttpServletResponseWrapper(answer) {
                @Override
                public String encodeURL(String url) {
                    return super.encodeURL(resolved(http, url));
                }
            });
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The versioned path of a webjar link; any other link as it is. */
    static String resolved(HttpServletRequest request, String url) {
        if (!url.startsWith(request.getContextPath() + WEBJARS)) {
            return url;
        }
        Object provider = request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR);
        String versioned = provider instanceof ResourceUrlProvider p ? p.getForRequestUrl(request, url) : null;
        return versioned != null ? versioned : url;
    }
}
