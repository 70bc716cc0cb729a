package io.opsflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.delivery.SendLog;
import io.opsflow.messaging.template.Templates;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /api/v1/messaging/**} and {@code /api/v1/inbox} over HTTP with Basic credentials. */
@OpsflowIntegrationTest
class MessagingApiIT {

    private static final String ADMIN_PASSWORD = "admin-test-password";

    @Autowired TestRestTemplate http;
    @Autowired ChannelConfigs channelConfigs;
    @Autowired Templates templates;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired SendLog sendLog;
    @Autowired JdbcClient jdbc;

    private MessagingFixtures fixtures;
    private DeliveryDriver driver;

    @BeforeEach
    void setUp() {
        fixtures = new MessagingFixtures(channelConfigs, templates, identityService);
        driver = new DeliveryDriver(managementService);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", ADMIN_PASSWORD);
    }

    @Test
    void aChannelSecretGoesInEncryptedAndNeverComesOut() {
        String name = MessagingFixtures.unique("smtp");
        var created = admin().postForEntity("/api/v1/messaging/channels", Map.of(
                "name", name, "type", "EMAIL", "settings", Map.of("host", "smtp.example.com", "port", "587", "from", "ops@example.com",
                        "username", "ops"), "secret", "hunter2-password"), JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String id = created.getBody().get("id").asText();
        String shown = admin().getForObject("/api/v1/messaging/channels/" + id, String.class);
        assertThat(shown).doesNotContain("hunter2").contains("stored encrypted");
        assertThat(admin().getForObject("/api/v1/messaging/channels", String.class)).doesNotContain("hunter2");
        String stored = jdbc.sql("select secret from app_msg_channel where id = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("hunter2");

        var reference = admin().exchange("/api/v1/messaging/channels/" + id, HttpMethod.PUT, new HttpEntity<>(Map.of(
                "name", name, "type", "EMAIL", "settings", Map.of("host", "smtp.example.com", "from", "ops@example.com"),
                "secret", "${SMTP_PASSWORD}")), JsonNode.class);
        assertThat(reference.getBody().get("secret").asText()).isEqualTo("environment ${SMTP_PASSWORD}");
    }

    @Test
    void nonAdminsCannotConfigureChannelsOrReadTheSendLog() {
        String user = fixtures.user("staff@example.com", "staff-pass-1");
        var asUser = http.withBasicAuth(user, "staff-pass-1");

        assertThat(asUser.getForEntity("/api/v1/messaging/channels", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asUser.getForEntity("/api/v1/messaging/messages", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asUser.getForEntity("/api/v1/inbox/unread-count", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void badTemplatesAreA400SayingWhatIsWrong() {
        var malformed = admin().postForEntity("/api/v1/messaging/templates", Map.of("code", MessagingFixtures.unique("t"),
                "channelType", "IN_APP", "body", "Hello ${T(java.lang.Runtime).exec('id')}"), JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("detail").asText()).contains("not a variable name");

        var crlf = admin().postForEntity("/api/v1/messaging/templates", Map.of("code", MessagingFixtures.unique("t"),
                "channelType", "EMAIL", "subject", "Hi\r\nBcc: x@example.com", "body", "x"), JsonNode.class);
        assertThat(crlf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        var preview = admin().postForEntity("/api/v1/messaging/templates/preview", Map.of(
                "template", Map.of("channelType", "EMAIL", "format", "HTML", "subject", "For ${name}", "body", "<p>${name} ${missing}</p>"),
                "variables", Map.of("name", "<b>Li</b>")), JsonNode.class);
        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(preview.getBody().get("detail").asText()).contains("'missing' has no value");

        var ok = admin().postForEntity("/api/v1/messaging/templates/preview", Map.of(
                "template", Map.of("channelType", "EMAIL", "format", "HTML", "subject", "For ${name}", "body", "<p>${name}</p>"),
                "variables", Map.of("name", "<b>Li</b>")), JsonNode.class);
        assertThat(ok.getBody().get("subject").asText()).isEqualTo("For <b>Li</b>");
        assertThat(ok.getBody().get("body").asText()).isEqualTo("<p>&lt;b&gt;Li&lt;/b&gt;</p>");
    }

    @Test
    void aSendNamingAnUnknownTemplateOrChannelOrLeavingOutAVariableIsA400AndRecordsNothing() {
        String user = fixtures.user("caller@example.com", "caller-pass-1");
        var inApp = fixtures.inApp();
        var template = fixtures.template(ChannelType.IN_APP, io.opsflow.messaging.template.TemplateFormat.TEXT,
                "Order ${order.no} for ${recipientName}", "Ship to ${address} by ${due}");
        String unknownTemplate = MessagingFixtures.unique("no-such-template");

        var noTemplate = admin().postForEntity("/api/v1/messaging/messages", Map.of("template", unknownTemplate,
                "to", List.of("user:" + user)), JsonNode.class);
        assertThat(noTemplate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noTemplate.getBody().get("detail").asText()).contains("unknown template '" + unknownTemplate + "'");

        var noChannel = admin().postForEntity("/api/v1/messaging/messages", Map.of("template", template.code(),
                "channel", "no-such-channel", "to", List.of("user:" + user)), JsonNode.class);
        assertThat(noChannel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noChannel.getBody().get("detail").asText()).contains("unknown channel 'no-such-channel'");

        var missing = admin().postForEntity("/api/v1/messaging/messages", Map.of("template", template.code(),
                "channel", inApp.name(), "to", List.of("user:" + user), "variables", Map.of("order", Map.of("no", "SO-9"), "due", "today")),
                JsonNode.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("detail").asText()).contains("needs the variable(s) address").doesNotContain("recipientName");

        assertThat(admin().getForObject("/api/v1/messaging/messages?recipient=" + user, JsonNode.class).get("total").asLong())
                .as("nothing recorded for refused requests").isZero();

        var ok = admin().postForEntity("/api/v1/messaging/messages", Map.of("template", template.code(), "channel", inApp.name(),
                "to", List.of("user:" + user), "variables", Map.of("order", Map.of("no", "SO-9"), "due", "today", "address", "Gate 3")),
                JsonNode.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void sendThroughTheApiThenFilterExportAndResendTheLog() {
        String user = fixtures.user("reader@example.com", "reader-pass-1");
        var inApp = fixtures.inApp();
        var template = fixtures.template(ChannelType.IN_APP, io.opsflow.messaging.template.TemplateFormat.TEXT, "Hello", "=cmd|' /C calc'!A0 ${n}");

        var sent = admin().postForEntity("/api/v1/messaging/messages", Map.of("template", template.code(), "channel", inApp.name(),
                "to", List.of("user:" + user), "variables", Map.of("n", 1), "idempotencyKey", "order-77"), JsonNode.class);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = sent.getBody().get("ids").get(0).asText();
        var again = admin().postForEntity("/api/v1/messaging/messages", Map.of("template", template.code(), "channel", inApp.name(),
                "to", List.of("user:" + user), "variables", Map.of("n", 1), "idempotencyKey", "order-77"), JsonNode.class);
        assertThat(again.getBody().get("ids").get(0).asText()).as("same caller key, same message").isEqualTo(id);
        driver.runJob(id);

        var page = admin().getForObject("/api/v1/messaging/messages?recipient=" + user + "&status=SENT", JsonNode.class);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(id);
        assertThat(admin().getForObject("/api/v1/messaging/messages?q=calc&recipient=" + user, JsonNode.class).get("total").asLong()).isEqualTo(1);

        var csv = admin().getForEntity("/api/v1/messaging/messages/export.csv?recipient=" + user, String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).startsWith("id,created_at,status").contains("\"SENT\"").contains("\"" + user + "\"");

        var resent = admin().postForEntity("/api/v1/messaging/messages/" + id + "/resend", null, JsonNode.class);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String copy = resent.getBody().get("id").asText();
        assertThat(sendLog.find(copy).orElseThrow().resentFrom()).isEqualTo(id);
        assertThat(sendLog.find(copy).orElseThrow().idempotencyKey()).isNotEqualTo(sendLog.find(id).orElseThrow().idempotencyKey());
        driver.runJob(copy);

        var asUser = http.withBasicAuth(user, "reader-pass-1");
        assertThat(asUser.getForObject("/api/v1/inbox/unread-count", JsonNode.class).get("unread").asLong()).isEqualTo(2);
        JsonNode inbox = asUser.getForObject("/api/v1/inbox", JsonNode.class);
        assertThat(inbox).hasSize(2);
        String first = inbox.get(0).get("id").asText();
        assertThat(asUser.postForEntity("/api/v1/inbox/" + first + "/read", null, Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(asUser.getForObject("/api/v1/inbox/unread-count", JsonNode.class).get("unread").asLong()).isEqualTo(1);

        String other = fixtures.user("other@example.com", "other-pass-1");
        assertThat(http.withBasicAuth(other, "other-pass-1").postForEntity("/api/v1/inbox/" + first + "/read", null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void preferencesAreTheCallersOwn() {
        String user = fixtures.user("pref@example.com", "pref-pass-1");
        var asUser = http.withBasicAuth(user, "pref-pass-1");

        var saved = asUser.exchange("/api/v1/messaging/preferences", HttpMethod.PUT, new HttpEntity<>(Map.of(
                "channels", Map.of("task-assigned", List.of("IN_APP")),
                "quietHours", Map.of("start", "22:00", "end", "07:00", "zone", "Asia/Shanghai"))), JsonNode.class);

        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode read = asUser.getForObject("/api/v1/messaging/preferences", JsonNode.class);
        assertThat(read.get("channels").get("task-assigned").get(0).asText()).isEqualTo("IN_APP");
        assertThat(read.get("quietHours").get("zone").asText()).isEqualTo("Asia/Shanghai");
        var bad = asUser.exchange("/api/v1/messaging/preferences", HttpMethod.PUT,
                new HttpEntity<>(Map.of("channels", Map.of("x", List.of("FAX")))), JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
