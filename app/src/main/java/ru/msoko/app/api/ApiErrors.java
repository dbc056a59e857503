package ru.msoko.app.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import ru.msoko.app.security.ApiProblem;
import ru.msoko.app.web.ForbiddenException;
import ru.msoko.app.web.NotFoundException;

/**
 * Every error of an {@code /api/v1} request as a problem ({@link ApiProblem}), ahead of the pages' error advice
 * (which answers pages with Russian HTML). Requests outside the API are left to the others.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors implements HandlerExceptionResolver {

    /** A request the API refuses as malformed, with the Russian reason. */
    public static final class BadRequest extends RuntimeException {
        public BadRequest(String message) {
            super(message);
        }
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest req, HttpServletResponse res, Object handler, Exception e) {
        if (!ApiProblem.API.matches(req)) {
            return null;
        }
        try {
            problem(req, res, e);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new ModelAndView();
    }

    private static void problem(HttpServletRequest req, HttpServletResponse res, Exception e) throws IOException {
        if (e instanceof NotFoundException || e instanceof NoResourceFoundException) {
            ApiProblem.write(req, res, 404, "not_found",
                    e instanceof NotFoundException ? e.getMessage() : "Такого адреса в API нет.");
        } else if (e instanceof ForbiddenException) {
            ApiProblem.write(req, res, 403, "forbidden", e.getMessage());
        } else if (e instanceof MaxUploadSizeExceededException) {
            ApiProblem.write(req, res, 413, "too_large", "Файл больше допустимого размера.");
        } else if (e instanceof BadRequest) {
            ApiProblem.write(req, res, 400, "bad_request", e.getMessage());
        } else if (e instanceof MissingServletRequestParameterException m) {
            ApiProblem.write(req, res, 400, "bad_request", "Не указан параметр «" + m.getParameterName() + "».");
        } else if (e instanceof MissingServletRequestPartException m) {
            ApiProblem.write(req, res, 400, "bad_request", "Не приложен файл «" + m.getRequestPartName() + "».");
        } else if (e instanceof MethodArgumentTypeMismatchException m) {
            ApiProblem.write(req, res, 400, "bad_request", "Неверное значение параметра «" + m.getName() + "».");
        } else if (e instanceof MultipartException) {
            ApiProblem.write(req, res, 400, "bad_request", "Ожидается файл в запросе multipart/form-data.");
        } else if (e instanceof HttpRequestMethodNotSupportedException) {
            ApiProblem.write(req, res, 405, "method_not_allowed", "Этот метод для адреса не поддерживается.");
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            ApiProblem.write(req, res, 406, "not_acceptable", "Доступны форматы JSON и CSV.");
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            ApiProblem.write(req, res, 415, "unsupported_media_type", "Формат тела запроса не поддерживается.");
        } else {
            ApiProblem.write(req, res, 500, "internal_error", "Внутренняя ошибка сервера; подробности — в журнале.");
        }
    }
}
