package io.opsflow.messaging.delivery;

import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.MessageStatus;
import io.opsflow.messaging.Recipient;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v1/messaging/messages}: the send log (filter, page, CSV, resend) and sending from outside. */
@RestController
@RequestMapping("/api/v1/messaging/messages")
class SendLogController {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_EXPORT_ROWS = 10_000;

    private final SendLog sendLog;
    private final Outbox outbox;
    private final SendRequestCheck requestCheck;

    SendLogController(SendLog sendLog, Outbox outbox, SendRequestCheck requestCheck) {
        this.sendLog = sendLog;
        this.outbox = outbox;
        this.requestCheck = requestCheck;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('GROUP_admin')")
    SendLog.Page list(
            @RequestParam Optional<MessageStatus> status,
            @RequestParam Optional<String> channel,
            @RequestParam Optional<String> recipient,
            @RequestParam Optional<String> processInstanceId,
            @RequestParam Optional<String> template,
            @RequestParam Optional<String> q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return sendLog.search(filter(status, channel, recipient, processInstanceId, template, q), Math.max(0, page),
                Math.min(Math.max(1, size), MAX_PAGE_SIZE));
    }

    @GetMapping("/export.csv")
    @PreAuthorize("hasAuthority('GROUP_admin')")
    void export(
            @RequestParam Optional<MessageStatus> status,
            @RequestParam Optional<String> channel,
            @RequestParam Optional<String> recipient,
            @RequestParam Optional<String> processInstanceId,
            @RequestParam Optional<String> template,
            @RequestParam Optional<String> q,
            HttpServletResponse response) throws IOException {
        var entries = sendLog.search(filter(status, channel, recipient, processInstanceId, template, q), 0, MAX_EXPORT_ROWS).items();
        response.setContentType("text/csv; charset=utf-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"opsflow-messages.csv\"");
        SendLogCsv.write(entries, response.getWriter());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('GROUP_admin')")
    LogEntry get(@PathVariable String id) {
        return find(id);
    }

    @PostMapping("/{id}/resend")
    @PreAuthorize("hasAuthority('GROUP_admin')")
    ResponseEntity<Map<String, String>> resend(@PathVariable String id) {
        LogEntry original = find(id);
        if (original.channelId() == null || original.body() == null) {
            throw new IllegalArgumentException("this message never got a channel or a text (" + original.error()
                    + "); fix the cause and send it again from its source");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", outbox.resend(original)));
    }

    record SendRequest(String template, String channel, List<String> to, Map<String, Object> variables, String idempotencyKey) {}

    /** Integrators send through a template; the answer lists one send-log id per recipient and channel. */
    @PostMapping
    @PreAuthorize("hasAnyAuthority('GROUP_admin', 'GROUP_integrator')")
    ResponseEntity<Map<String, List<String>>> send(@RequestBody SendRequest request) {
        if (request.to() == null || request.to().isEmpty()) {
            throw new IllegalArgumentException("'to' needs at least one recipient (user:id, group:id or address:...)");
        }
        List<Recipient> recipients = request.to().stream().map(Recipient::parse).toList();
        var message = MessageRequest.of(request.template(), recipients, request.variables())
                .viaChannel(request.channel())
                .withIdempotencyKey(request.idempotencyKey());
        List<String> problems = requestCheck.problems(message);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("ids", outbox.send(message)));
    }

    private LogEntry find(String id) {
        return sendLog.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no message " + id));
    }

    private static LogFilter filter(Optional<MessageStatus> status, Optional<String> channel, Optional<String> recipient,
            Optional<String> processInstanceId, Optional<String> template, Optional<String> q) {
        return new LogFilter(status.orElse(null), channel.orElse(null), recipient.orElse(null), processInstanceId.orElse(null),
                template.orElse(null), q.orElse(null));
    }
}
