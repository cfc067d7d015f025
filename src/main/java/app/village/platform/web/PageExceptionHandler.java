package app.village.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import app.village.platform.ConflictException;
import app.village.platform.ForbiddenException;
import app.village.platform.InvalidInputException;
import app.village.platform.NotFoundException;
import app.village.platform.Redacted;
import jakarta.servlet.http.HttpServletRequest;

/** Errors on pages become a calm page that says what happened and what to do next. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ModelAndView notFound(Exception e) {
        return page(HttpStatus.NOT_FOUND, "We could not find that page",
                "It may have been deleted, or the address may be mistyped.");
    }

    /**
     * A part of an address that is not what it should be (an id, {@code ?page=abc}) names a page that does not exist;
     * a field of a posted form, a damaged form.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return e.getParameter().hasParameterAnnotation(PathVariable.class) || "GET".equals(request.getMethod())
                ? notFound(e) : damaged(e);
    }

    /** A form field of the wrong type (text where a number belongs): only a damaged or forged form sends one. */
    @ExceptionHandler(BindException.class)
    ModelAndView damaged(Exception e) {
        return page(HttpStatus.BAD_REQUEST, "Please check what you entered",
                "Part of the form could not be read. Please go back, reload the page and try again.");
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e) {
        return page(HttpStatus.FORBIDDEN, "That is not yours to change", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, "Something changed meanwhile", e.getMessage());
    }

    @ExceptionHandler({InvalidInputException.class, MissingServletRequestParameterException.class})
    ModelAndView invalid(Exception e) {
        String message = e instanceof InvalidInputException ? e.getMessage()
                : "Part of the form was missing. Please go back and try again.";
        return page(HttpStatus.BAD_REQUEST, "Please check what you entered", message);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("Unexpected error on a page", Redacted.of(e));
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side",
                "Nothing was saved. Please try again in a moment.");
    }

    static ModelAndView page(HttpStatus status, String heading, String message) {
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("heading", heading);
        mav.addObject("message", message);
        return mav;
    }
}
