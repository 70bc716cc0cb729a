package io.opsflow.messaging;

import io.opsflow.messaging.channel.ChannelConfig;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.template.MessageTemplate;
import io.opsflow.messaging.template.TemplateFormat;
import io.opsflow.messaging.template.Templates;
import java.util.Map;
import java.util.UUID;
import org.flowable.engine.IdentityService;

/** Channels, templates and users with unique names, so tests sharing one database never collide. */
public final class MessagingFixtures {

    private final ChannelConfigs channels;
    private final Templates templates;
    private final IdentityService identityService;

    public MessagingFixtures(ChannelConfigs channels, Templates templates, IdentityService identityService) {
        this.channels = channels;
        this.templates = templates;
        this.identityService = identityService;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public ChannelConfig smtp(int port) {
        return channels.save(new ChannelConfig(null, unique("mail"), ChannelType.EMAIL, false, true,
                Map.of("host", "127.0.0.1", "port", String.valueOf(port), "security", "NONE", "from", "opsflow@example.com",
                        "timeoutSeconds", "2"), null, false), null);
    }

    public ChannelConfig webhook(String url, String secret, boolean allowPrivate) {
        return channels.save(new ChannelConfig(null, unique("hook"), ChannelType.WEBHOOK, false, true,
                Map.of("url", url, "timeoutSeconds", "2"), null, allowPrivate), secret);
    }

    public ChannelConfig inApp() {
        return channels.save(new ChannelConfig(null, unique("inbox"), ChannelType.IN_APP, false, true, Map.of(), null, false), null);
    }

    public MessageTemplate template(ChannelType type, TemplateFormat format, String subject, String body) {
        return templates.save(new MessageTemplate(null, unique("tpl"), type, format, subject, body, "test-notice", false));
    }

    public MessageTemplate template(String code, ChannelType type, TemplateFormat format, String subject, String body) {
        return templates.save(new MessageTemplate(null, code, type, format, subject, body, "test-notice", false));
    }

    public String user(String email) {
        return user(email, null);
    }

    /** A user who can log in with the given password (null: cannot log in). */
    public String user(String email, String password) {
        String id = unique("user");
        var user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName(id);
        user.setEmail(email);
        if (password != null) {
            user.setPassword(password);
        }
        identityService.saveUser(user);
        return id;
    }
}
