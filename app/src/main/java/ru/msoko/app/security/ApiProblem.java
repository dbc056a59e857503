package ru.msoko.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one error format of {@code /api/v1} (RFC 9457, {@code application/problem+json}): {@code type}, {@code title},
 * {@code status}, a Russian {@code detail}, the request path as {@code instance}, and a machine {@code code} that
 * scripts branch on (it never changes with the wording of {@code detail}).
 */
public final class ApiProblem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String PREFIX = "/api/v1/";

    /** Requests of the API: what the problem format, the bearer token and the 401 instead of the login page cover. */
    public static final RequestMatcher API = r -> path(r).startsWith(PREFIX);

    private ApiProblem() {
    }

    public static String path(HttpServletRequest r) {
        return r.getRequestURI().substring(r.getContextPath().length());
    }

    /** 401 for a visitor without a session or token: scripts get this instead of the login page. */
    public static AuthenticationEntryPoint entryPoint() {
        return (req, res, e) -> write(req, res, 401, "unauthorized",
                "Нужна авторизация: заголовок «Authorization: Bearer <токен>» или вход в систему.");
    }

    /** 403 for a request the access rules refuse to the caller's role. */
    public static AccessDeniedHandler accessDenied() {
        return (req, res, e) -> write(req, res, 403, "forbidden", "Недостаточно прав для этого запроса.");
    }

    public static void write(HttpServletRequest req, HttpServletResponse res, int status, String code, String detail)
            throws IOException {
        res.setStatus(status);
        res.setContentType(MEDIA_TYPE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write(json(status, code, detail, path(req)));
    }

    static String json(int status, String code, String detail, String instance) {
        return json(status, code, detail, instance, List.of());
    }

    /** @param problems the reasons one by one (a rejected file's rows), an extension member when not empty */
    public static String json(int status, String code, String detail, String instance, List<String> problems) {
        String extra = problems.isEmpty() ? ""
                : ",\"problems\":[" + String.join(",", problems.stream().map(ApiProblem::quote).toList()) + "]";
        return "{\"type\":\"urn:msoko:problem:" + code + "\",\"title\":" + quote(title(status)) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + ",\"code\":" + quote(code) + ",\"instance\":" + quote(instance)
                + extra + "}";
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Неверный запрос";
            case 401 -> "Нужна авторизация";
            case 403 -> "Нет доступа";
            case 404 -> "Не найдено";
            case 405 -> "Метод не поддерживается";
            case 406 -> "Формат ответа не поддерживается";
            case 409 -> "Конфликт";
            case 413 -> "Слишком большой файл";
            case 415 -> "Формат запроса не поддерживается";
            case 422 -> "Файл не принят";
            default -> "Ошибка сервера";
        };
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
