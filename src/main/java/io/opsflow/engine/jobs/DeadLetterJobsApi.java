package io.opsflow.engine.jobs;

import io.opsflow.platform.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/dead-letter-jobs}: the jobs that used up their retries, for admins. Retrying
 * moves jobs back to the executable jobs with {@value DeadLetterJobs#RETRIES} tries each.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letter-jobs")
@PreAuthorize("hasAuthority('GROUP_admin')")
class DeadLetterJobsApi {

    static final int MAX_PAGE_SIZE = 200;

    private final DeadLetterJobs jobs;

    DeadLetterJobsApi(DeadLetterJobs jobs) {
        this.jobs = jobs;
    }

    /** Body of a bulk retry: the ids of the dead-letter jobs to move back. */
    record RetryRequest(List<String> ids) {}

    @GetMapping
    DeadLetterPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return jobs.list(Math.max(0, page), Math.min(Math.max(1, size), MAX_PAGE_SIZE));
    }

    /** One job with the stack trace the engine stored for it. */
    @GetMapping("/{id}")
    Map<String, Object> details(@PathVariable String id) {
        var job = jobs.find(id).orElseThrow(() -> new UnknownDeadLetterJobException(List.of(id), "check the id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job", job);
        body.put("stackTrace", jobs.stackTrace(id).orElse(""));
        return body;
    }

    @PostMapping("/{id}/retry")
    Map<String, Object> retry(@PathVariable String id) {
        return moved(jobs.retry(List.of(id), CurrentUser.required().id()));
    }

    @PostMapping("/retry")
    Map<String, Object> retry(@RequestBody RetryRequest request) {
        if (request.ids() == null || request.ids().isEmpty() || request.ids().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new IllegalArgumentException("Send the ids of the dead-letter jobs to retry, e.g. {\"ids\": [\"42\"]}.");
        }
        return moved(jobs.retry(request.ids(), CurrentUser.required().id()));
    }

    private static Map<String, Object> moved(int count) {
        return Map.of("moved", count, "retries", DeadLetterJobs.RETRIES);
    }
}
