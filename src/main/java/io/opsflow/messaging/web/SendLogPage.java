package io.opsflow.messaging.web;

import io.opsflow.messaging.MessageStatus;
import io.opsflow.messaging.delivery.LogFilter;
import io.opsflow.messaging.delivery.Outbox;
import io.opsflow.messaging.delivery.SendLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/messaging/messages}: the send log for admins, with filters, paging, CSV link and resend. */
@Controller
class SendLogPage {

    private static final int PAGE_SIZE = 50;

    private final SendLog sendLog;
    private final Outbox outbox;

    SendLogPage(SendLog sendLog, Outbox outbox) {
        this.sendLog = sendLog;
        this.outbox = outbox;
    }

    @GetMapping("/admin/messaging/messages")
    String list(
            @RequestParam(required = false) MessageStatus status,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String processInstanceId,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var filter = new LogFilter(status, channel, recipient, processInstanceId, null, q);
        model.addAttribute("result", sendLog.search(filter, Math.max(0, page), PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", MessageStatus.values());
        return "messaging/admin-messages";
    }

    @PostMapping("/admin/messaging/messages/{id}/resend")
    String resend(@PathVariable String id, RedirectAttributes redirect) {
        var original = sendLog.find(id).orElse(null);
        if (original == null || original.channelId() == null || original.body() == null) {
            redirect.addFlashAttribute("error", "This message cannot be resent: it never got a channel or a text.");
        } else {
            redirect.addFlashAttribute("notice", "Queued again as message " + outbox.resend(original) + ".");
        }
        return "redirect:/admin/messaging/messages";
    }
}
