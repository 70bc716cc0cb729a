package io.opsflow.approval.web.run;

import io.opsflow.approval.run.UnknownApproval;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Approval pages answer "not found" for approvals and tasks the user may not see. */
@ControllerAdvice(basePackageClasses = ApprovalPageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalPageErrors {

    @ExceptionHandler(UnknownApproval.class)
    ModelAndView notFound() {
        var page = new ModelAndView("error");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        page.addObject("error", HttpStatus.NOT_FOUND.getReasonPhrase());
        return page;
    }
}
