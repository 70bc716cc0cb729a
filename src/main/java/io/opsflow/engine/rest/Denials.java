package io.opsflow.engine.rest;

import io.opsflow.platform.CurrentUser;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Logs every refusal of the Flowable REST API with who asked for what, then throws. */
final class Denials {

    private static final Logger log = LoggerFactory.getLogger(Denials.class);

    private Denials() {}

    /** 404 rather than 403 for objects, so a caller cannot probe which ids exist. */
    static FlowableObjectNotFoundException hidden(CurrentUser user, String what, String id) {
        log.warn("Access denied: user={} {} object={} {}", user.id(), request(), what, id);
        return new FlowableObjectNotFoundException("not visible");
    }

    /** 403 whose reason — always Opsflow's own text, never an engine message — is shown to the caller. */
    static Refusal forbidden(CurrentUser user, String reason) {
        log.warn("Access denied: user={} {} reason={}", user.id(), request(), reason);
        return new Refusal(reason);
    }

    /** A refusal by the interceptor; {@link ProcessApiRefusals} answers it with its reason. */
    static final class Refusal extends FlowableForbiddenException {

        Refusal(String reason) {
            super(reason);
        }
    }

    private static String request() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            return request.getMethod() + " " + request.getRequestURI();
        }
        return "(no request)";
    }
}
