package ru.msoko.app.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 with a Russian page to a POST /login over the per-address limit, before any password is checked. */
class LoginRateLimitFilter extends OncePerRequestFilter {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="UTF-8"><title>Слишком много попыток входа — МСОКО</title>
            <link rel="stylesheet" href="/css/app.css"></head>
            <body class="login-page"><main class="login-box"><h1>МСОКО</h1>
            <div class="alert error" role="alert">Слишком много попыток входа с этого адреса.
            Подождите минуту и попробуйте снова.</div>
            <p><a href="/login">Вернуться ко входу</a></p></main></body></html>
            """;

    private final LoginRateLimit limit;

    LoginRateLimitFilter(LoginRateLimit limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limit.allow(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "60");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(PAGE);
    }
}
