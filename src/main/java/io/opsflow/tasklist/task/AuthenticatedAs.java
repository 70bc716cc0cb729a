package io.opsflow.tasklist.task;

import java.util.function.Supplier;
import org.flowable.common.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs engine calls with Flowable's authenticated user set, so starters, comments and attachments
 * name the person. With Spring Security present Flowable stores that user in the Spring
 * {@code SecurityContext} (as an unauthenticated token without authorities), which would log the
 * person out of the session; so the caller's own authentication is put back afterwards.
 */
final class AuthenticatedAs {

    private AuthenticatedAs() {}

    static <T> T call(String userId, Supplier<T> work) {
        var springContext = SecurityContextHolder.getContext();
        var springAuthentication = springContext.getAuthentication();
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(userId);
        try {
            return work.get();
        } finally {
            Authentication.setAuthenticatedUserId(previous);
            springContext.setAuthentication(springAuthentication);
            SecurityContextHolder.setContext(springContext);
        }
    }

    static void run(String userId, Runnable work) {
        call(userId, () -> {
            work.run();
            return null;
        });
    }
}
