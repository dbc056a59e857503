package ru.msoko.app.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Russian pages for "not found" and "no access" instead of stack traces. */
@ControllerAdvice
class ErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFoundException e) {
        return page("Не найдено", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView forbidden(ForbiddenException e) {
        return page("Нет доступа", e.getMessage());
    }

    private static ModelAndView page(String title, String message) {
        ModelAndView mav = new ModelAndView("problem");
        mav.addObject("title", title);
        mav.addObject("message", message);
        return mav;
    }
}
