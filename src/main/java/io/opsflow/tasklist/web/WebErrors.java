package io.opsflow.tasklist.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import io.opsflow.tasklist.form.UnknownFormException;
import io.opsflow.tasklist.task.TaskNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Task-list pages answer "not found" for what the user may not see, and never show internals. */
@ControllerAdvice(basePackageClasses = WebErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler(TaskNotFoundException.class)
    ModelAndView notFound(TaskNotFoundException e) {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(UnknownFormException.class)
    ModelAndView brokenForm(UnknownFormException e) {
        log.error("A process refers to a form that cannot be loaded: {}", e.getMessage());
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    static ModelAndView page(HttpStatus status) {
        var page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        return page;
    }
}
