package io.opsflow.messaging.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import io.opsflow.messaging.template.TemplateException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input to the messaging API becomes a 400 whose detail tells the admin what to fix. */
@RestControllerAdvice(basePackages = "io.opsflow.messaging")
@Order(Ordered.HIGHEST_PRECEDENCE)
class MessagingErrors {

    @ExceptionHandler({TemplateException.class, IllegalArgumentException.class})
    ProblemDetail badInput(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid messaging input");
        return problem;
    }
}
