package io.opsflow.messaging.template;

import io.opsflow.messaging.ChannelType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stored templates in {@code app_msg_template}: validated when saved, rendered per recipient when sent. */
@Component
public class Templates {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TemplateRenderer renderer;

    Templates(JdbcClient jdbc, Clock clock, TemplateRenderer renderer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.renderer = renderer;
    }

    public List<MessageTemplate> all() {
        return jdbc.sql("select * from app_msg_template order by code, channel_type").query(Templates::row).list();
    }

    public Optional<MessageTemplate> byId(String id) {
        return jdbc.sql("select * from app_msg_template where id = ?").param(id).query(Templates::row).optional();
    }

    public Optional<MessageTemplate> find(String code, ChannelType type) {
        return jdbc.sql("select * from app_msg_template where code = ? and channel_type = ?")
                .param(code)
                .param(type.name())
                .query(Templates::row)
                .optional();
    }

    /** Every channel type's version of a template, e.g. the e-mail and the in-app text of {@code task-assigned}. */
    public List<MessageTemplate> byCode(String code) {
        return jdbc.sql("select * from app_msg_template where code = ? order by channel_type")
                .param(code)
                .query(Templates::row)
                .list();
    }

    /** Creates or updates; throws {@link TemplateException} with a message for the designer when invalid. */
    @Transactional
    public MessageTemplate save(MessageTemplate template) {
        validate(template);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            if (template.id() != null && byId(template.id()).isPresent()) {
                jdbc.sql("update app_msg_template set code = ?, channel_type = ?, format = ?, subject = ?, body = ?, "
                                + "message_type = ?, urgent = ?, updated_at = ? where id = ?")
                        .params(template.code(), template.channelType().name(), template.format().name(), template.subject(),
                                template.body(), template.messageType(), template.urgent(), now, template.id())
                        .update();
                return template;
            }
            MessageTemplate created = template.withId(UUID.randomUUID().toString());
            jdbc.sql("insert into app_msg_template (id, code, channel_type, format, subject, body, message_type, urgent, "
                            + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(created.id(), created.code(), created.channelType().name(), created.format().name(),
                            created.subject(), created.body(), created.messageType(), created.urgent(), now, now)
                    .update();
            return created;
        } catch (DuplicateKeyException e) {
            throw new TemplateException("a template '" + template.code() + "' for " + template.channelType() + " already exists");
        }
    }

    @Transactional
    public boolean delete(String id) {
        return jdbc.sql("delete from app_msg_template where id = ?").param(id).update() > 0;
    }

    /** Fills a template in; the subject must stay on one line, whatever the variables contain. */
    public RenderedMessage render(MessageTemplate template, Map<String, ?> variables) {
        String subject = template.subject() == null ? null : renderer.render(template.subject(), variables, TemplateFormat.TEXT);
        if (subject != null && HeaderText.hasLineBreak(subject)) {
            throw new TemplateException("the subject would contain a line break (CR/LF); a variable value is not allowed to add header lines");
        }
        return new RenderedMessage(subject, renderer.render(template.body(), variables, template.format()), template.format());
    }

    private static void validate(MessageTemplate t) {
        if (t.code() == null || !CODE.matcher(t.code()).matches()) {
            throw new TemplateException("code must be lower-case letters, digits, '.', '_' or '-' (at most 100)");
        }
        if (t.channelType() == null || t.format() == null) {
            throw new TemplateException("channelType and format are required");
        }
        if (t.body() == null || t.body().isBlank()) {
            throw new TemplateException("body is required");
        }
        if (t.channelType() == ChannelType.EMAIL && (t.subject() == null || t.subject().isBlank())) {
            throw new TemplateException("an e-mail template needs a subject");
        }
        if (t.subject() != null && HeaderText.hasLineBreak(t.subject())) {
            throw new TemplateException("the subject must not contain line breaks");
        }
        if (t.messageType() == null || !CODE.matcher(t.messageType()).matches()) {
            throw new TemplateException("messageType must be lower-case letters, digits, '.', '_' or '-'");
        }
        TemplateRenderer.placeholders(t.body());
        if (t.subject() != null) {
            TemplateRenderer.placeholders(t.subject());
        }
    }

    private static MessageTemplate row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MessageTemplate(
                rs.getString("id"),
                rs.getString("code"),
                ChannelType.valueOf(rs.getString("channel_type")),
                TemplateFormat.valueOf(rs.getString("format")),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("message_type"),
                rs.getBoolean("urgent"));
    }
}
