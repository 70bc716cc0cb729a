package io.opsflow.messaging.web;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.channel.ChannelConfig;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.channel.ChannelTester;
import io.opsflow.messaging.channel.ChannelView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/messaging/channels}: list, create, edit, delete and "send test". */
@Controller
class ChannelPages {

    private final ChannelConfigs configs;
    private final ChannelTester tester;

    ChannelPages(ChannelConfigs configs, ChannelTester tester) {
        this.configs = configs;
        this.tester = tester;
    }

    @GetMapping("/admin/messaging/channels")
    String list(@RequestParam(required = false) String edit, Model model) {
        model.addAttribute("channels", configs.all().stream().map(ChannelView::of).toList());
        model.addAttribute("types", ChannelType.values());
        var editing = edit == null ? null : configs.byId(edit).map(ChannelView::of).orElse(null);
        model.addAttribute("editing", editing);
        model.addAttribute("settingsText", editing == null ? "" : KeyValueLines.format(editing.settings()));
        return "messaging/admin-channels";
    }

    @PostMapping("/admin/messaging/channels")
    String save(
            @RequestParam(required = false) String id,
            @RequestParam String name,
            @RequestParam ChannelType type,
            @RequestParam(defaultValue = "false") boolean isDefault,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String settings,
            @RequestParam(defaultValue = "") String secret,
            @RequestParam(defaultValue = "false") boolean removeSecret,
            @RequestParam(defaultValue = "false") boolean allowPrivateTargets,
            RedirectAttributes redirect) {
        try {
            var config = new ChannelConfig(id == null || id.isBlank() ? null : id, name, type, isDefault, enabled,
                    KeyValueLines.parse(settings), null, allowPrivateTargets);
            String newSecret = removeSecret ? "" : secret.isEmpty() ? null : secret;
            redirect.addFlashAttribute("notice", "Saved channel '" + configs.save(config, newSecret).name() + "'.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/messaging/channels";
    }

    @PostMapping("/admin/messaging/channels/{id}/test")
    String test(@PathVariable String id, @RequestParam String to, RedirectAttributes redirect) {
        configs.byId(id).ifPresentOrElse(config -> {
            var result = tester.test(config, to.trim());
            redirect.addFlashAttribute(result.delivered() ? "notice" : "error",
                    result.delivered() ? "Test message sent through '" + config.name() + "'." : "Test failed: " + result.error());
        }, () -> redirect.addFlashAttribute("error", "No such channel."));
        return "redirect:/admin/messaging/channels";
    }

    @PostMapping("/admin/messaging/channels/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", configs.delete(id) ? "Channel deleted." : "No such channel.");
        return "redirect:/admin/messaging/channels";
    }
}
