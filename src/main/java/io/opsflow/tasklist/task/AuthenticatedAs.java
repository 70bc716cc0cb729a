package io.opsflow.tasklist.task;

import java.util.function.Supplier;
import org.flowable.common.engine.impl.identity.Authentication;

/** Runs engine calls with Flowable's authenticated user set, so starters, comments and attachments name the person. */
final class AuthenticatedAs {

    private AuthenticatedAs() {}

    static <T> T call(String userId, Supplier<T> work) {
        String previous = Authentication.getAuthenticatedUserId();
        Authentication.setAuthenticatedUserId(userId);
        try {
            return work.get();
        } finally {
            Authentication.setAuthenticatedUserId(previous);
        }
    }

    static void run(String userId, Runnable work) {
        call(userId, () -> {
            work.run();
            return null;
        });
    }
}
