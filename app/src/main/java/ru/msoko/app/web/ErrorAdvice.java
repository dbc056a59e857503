package ru.msoko.app.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/** Russian pages for "not found" and "no access" instead of stack traces, and the upload limit for the error page. */
@ControllerAdvice
class ErrorAdvice {

    private final DataSize uploadLimit;

    /** The upload limit is the smaller of the two multipart settings (one file, the whole request). */
    ErrorAdvice(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize file,
                @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize request) {
        this.uploadLimit = file.compareTo(request) <= 0 ? file : request;
    }

    /**
     * For the error page of a refused upload (413). The refusal never reaches an exception handler of this advice
     * (OversizedUploadTest): the page is Spring Boot's error view, which gets this attribute like every controller's
     * model.
     */
    @ModelAttribute("uploadLimit")
    String uploadLimit() {
        return size(uploadLimit);
    }

    /** «10 КБ», «200 МБ», «1 ГБ»: the largest unit that divides the size. */
    static String size(DataSize size) {
        long b = size.toBytes();
        String[] units = {"ГБ", "МБ", "КБ"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (3 - i));
            if (b >= unit && b % unit == 0) {
                return b / unit + " " + units[i];
            }
        }
        return b + " байт";
    }

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
