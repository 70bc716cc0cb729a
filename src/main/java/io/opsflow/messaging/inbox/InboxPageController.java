package io.opsflow.messaging.inbox;

import io.opsflow.platform.CurrentUser;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The {@code /inbox} page, its mark-read forms, the unread count for the navbar badge and the live stream. */
@Controller
class InboxPageController {

    private final Inbox inbox;
    private final InboxStream stream;

    InboxPageController(Inbox inbox, InboxStream stream) {
        this.inbox = inbox;
        this.stream = stream;
    }

    @GetMapping("/inbox")
    String page(Model model) {
        String user = CurrentUser.required().id();
        model.addAttribute("messages", inbox.of(user, false, 100));
        model.addAttribute("unread", inbox.unreadCount(user));
        return "messaging/inbox";
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(@PathVariable String id) {
        inbox.markRead(CurrentUser.required().id(), id);
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    String markAllRead() {
        inbox.markAllRead(CurrentUser.required().id());
        return "redirect:/inbox";
    }

    @GetMapping(path = "/inbox/unread-count", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unreadCount(CurrentUser.required().id()));
    }

    @GetMapping(path = "/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        return stream.open(CurrentUser.required().id());
    }
}
