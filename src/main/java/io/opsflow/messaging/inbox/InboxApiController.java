package io.opsflow.messaging.inbox;

import io.opsflow.platform.CurrentUser;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/inbox}: the caller's own in-app messages; nobody reads another user's inbox. */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApiController {

    private final Inbox inbox;

    InboxApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    List<InboxMessage> list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "50") int limit) {
        return inbox.of(CurrentUser.required().id(), unread, Math.min(Math.max(1, limit), 200));
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unreadCount(CurrentUser.required().id()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> markRead(@PathVariable String id) {
        return inbox.markRead(CurrentUser.required().id(), id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @PostMapping("/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", inbox.markAllRead(CurrentUser.required().id()));
    }
}
