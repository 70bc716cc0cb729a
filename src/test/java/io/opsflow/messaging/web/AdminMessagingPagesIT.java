package io.opsflow.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.Messages;
import io.opsflow.messaging.MessagingFixtures;
import io.opsflow.messaging.Recipient;
import io.opsflow.messaging.template.MessageTemplate;
import io.opsflow.messaging.template.TemplateFormat;
import io.opsflow.messaging.template.Templates;
import java.util.List;
import org.flowable.engine.IdentityService;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin pages render and their forms work, through a logged-in admin session. */
@OpsflowIntegrationTest
class AdminMessagingPagesIT {

    @LocalServerPort int port;
    @Autowired ChannelConfigs channelConfigs;
    @Autowired Templates templates;
    @Autowired Messages messages;
    @Autowired IdentityService identityService;

    @Test
    void anAdminConfiguresAChannelAndATemplateAndReadsTheSendLog() throws Exception {
        var admin = new BrowserSession(port, "admin", "admin-test-password");
        String name = MessagingFixtures.unique("page-hook");

        assertThat(admin.get("/admin/messaging/channels").statusCode()).isEqualTo(200);
        admin.post("/admin/messaging/channels", Map.of("name", name, "type", "WEBHOOK", "enabled", "true",
                "settings", "url=https://hooks.example.com/x\npayload=WECOM", "secret", "page-secret"));
        String channels = admin.get("/admin/messaging/channels").body();
        assertThat(channels).contains(name).contains("stored encrypted").doesNotContain("page-secret");
        String id = channelConfigs.byNameOrType(name).orElseThrow().id();
        assertThat(admin.get("/admin/messaging/channels?edit=" + id).body()).contains("payload=WECOM");

        String code = MessagingFixtures.unique("page-tpl");
        String preview = followRedirect(admin, admin.post("/admin/messaging/templates", Map.of("code", code, "channelType", "EMAIL",
                "format", "HTML", "subject", "Hi ${name}", "body", "<p>${name}</p>", "messageType", "general", "sample", "name=<i>Li</i>",
                "action", "preview")).headers().firstValue("Location").orElseThrow());
        assertThat(preview).contains("&lt;p&gt;&amp;lt;i&amp;gt;Li&amp;lt;/i&amp;gt;&lt;/p&gt;");
        String saved = followRedirect(admin, admin.post("/admin/messaging/templates", Map.of("code", code, "channelType", "EMAIL",
                "format", "HTML", "subject", "Hi ${name}", "body", "<p>${name}</p>", "messageType", "general", "action", "save"))
                .headers().firstValue("Location").orElseThrow());
        assertThat(saved).contains("Saved template").contains(code);
        String invalid = followRedirect(admin, admin.post("/admin/messaging/templates", Map.of("code", code + "-x", "channelType", "EMAIL",
                "format", "TEXT", "subject", "x", "body", "${broken", "action", "save")).headers().firstValue("Location").orElseThrow());
        assertThat(invalid).contains("unclosed placeholder");

        var inApp = new MessagingFixtures(channelConfigs, templates, identityService).inApp();
        messages.send(MessageRequest.of("page-no-such-template", List.of(Recipient.user("admin")), Map.of()));
        templates.save(new MessageTemplate(null, code, ChannelType.IN_APP, TemplateFormat.TEXT, "Hello", "Body <b>", "general", false));
        messages.send(MessageRequest.of(code, List.of(Recipient.user("admin")), Map.of()).viaChannel(inApp.name()));
        var log = admin.get("/admin/messaging/messages");
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("unknown template &#39;page-no-such-template&#39;").contains("QUEUED").contains("Resend");
        assertThat(admin.get("/admin/messaging/messages?status=FAILED&q=page-no-such").body()).doesNotContain("text-bg-warning").contains("page-no-such-template");
    }

    @Test
    void staffCannotOpenTheAdminPagesButHaveAnInbox() throws Exception {
        var fixtures = new MessagingFixtures(channelConfigs, templates, identityService);
        String user = fixtures.user("pages@example.com", "pages-pass-1");
        var staff = new BrowserSession(port, user, "pages-pass-1");

        assertThat(staff.get("/admin/messaging/channels").statusCode()).isEqualTo(403);
        assertThat(staff.get("/inbox").body()).contains("No messages yet.");
    }

    private static String followRedirect(BrowserSession session, String location) throws Exception {
        String path = location.replaceFirst("^https?://[^/]+", "");
        return session.get(path).body();
    }
}
