package io.opsflow.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.flowable.common.engine.api.FlowableException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

/** Failures inside REST controllers when the database cannot be reached: 503 with the generic body. */
class ApiErrorAdviceDatabaseTest {

    private final ApiErrorAdvice advice = new ApiErrorAdvice(List.of((request, e) -> {
        throw new AssertionError("the race detectors must not be asked: they may need the database themselves");
    }));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/process-api/runtime/tasks");

    @Test
    void aPoolTimeoutWrappedByFlowableIs503WithRetryAfter() {
        var failure = new FlowableException("Could not open connection", new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms.")));

        var response = advice.unexpected(failure, request);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getBody()).containsEntry("status", 503)
                .containsEntry("message", "The database is not reachable right now; try again shortly.")
                .containsKey("correlationId");
        assertThat(response.getBody().toString()).doesNotContain("Hikari").doesNotContain("JDBC");
    }

    @Test
    void aTransactionThatCannotStartForAnotherReasonStaysA500() {
        var advice = new ApiErrorAdvice(List.of());

        var response = advice.databaseUnavailable(new CannotCreateTransactionException("nested transactions not supported"), request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
    }
}
