package io.opsflow.approval.api;

import io.opsflow.approval.run.InvalidFormValues;
import io.opsflow.platform.JsonErrors;
import java.util.Map;
import java.util.TreeMap;
import org.flowable.rest.service.api.form.FormDataResource;
import org.flowable.rest.service.api.runtime.process.ProcessInstanceCollectionResource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The 400 of a {@code /process-api} approval start (or form-data start) refused by {@link ProcessApiStartCheck}: the API's body with fieldErrors. */
@RestControllerAdvice(assignableTypes = {ProcessInstanceCollectionResource.class, FormDataResource.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessApiStartErrors {

    @ExceptionHandler(InvalidFormValues.class)
    ResponseEntity<Map<String, Object>> badStartValues(InvalidFormValues e) {
        return body(e);
    }

    static ResponseEntity<Map<String, Object>> body(InvalidFormValues e) {
        Map<String, Object> body = JsonErrors.body(400, HttpStatus.BAD_REQUEST.getReasonPhrase(), e.getMessage());
        body.put("fieldErrors", new TreeMap<>(e.fieldErrors()));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
