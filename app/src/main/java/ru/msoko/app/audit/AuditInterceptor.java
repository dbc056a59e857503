package ru.msoko.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import ru.msoko.app.security.CurrentUser;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every call of an {@link Audited} controller method when the request ends: who, the object named by the
 * path variables, the request line with its query, and whether it was served (2xx/3xx), refused (403, an access
 * denial) or failed.
 */
@Configuration
class AuditInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Auditor auditor;

    AuditInterceptor(Auditor auditor) {
        this.auditor = auditor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (!(handler instanceof HandlerMethod method)) {
            return;
        }
        Audited audited = method.getMethodAnnotation(Audited.class);
        if (audited == null) {
            return;
        }
        String user = CurrentUser.name().orElse("аноним");
        auditor.record(user, new Auditor.What(audited.value(), audited.object().isEmpty() ? null : audited.object(),
                objectId(request), null, requestLine(request) + " — HTTP " + status(response, ex),
                outcome(response, ex)));
    }

    private static String objectId(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                && !vars.isEmpty()) {
            return vars.size() == 1 ? String.valueOf(vars.values().iterator().next())
                    : vars.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        }
        return null;
    }

    private static String requestLine(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static int status(HttpServletResponse response, Exception ex) {
        if (ex instanceof AccessDeniedException) {
            return HttpServletResponse.SC_FORBIDDEN;
        }
        return ex != null && response.getStatus() < 400 ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
    }

    private static Outcome outcome(HttpServletResponse response, Exception ex) {
        int status = status(response, ex);
        return status < 400 ? Outcome.OK : status == HttpServletResponse.SC_FORBIDDEN ? Outcome.REFUSED : Outcome.FAILED;
    }
}
