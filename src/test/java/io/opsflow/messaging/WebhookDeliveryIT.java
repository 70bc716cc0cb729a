package io.opsflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.channel.WebhookPoster;
import io.opsflow.messaging.delivery.SendLog;
import io.opsflow.messaging.template.TemplateFormat;
import io.opsflow.messaging.template.Templates;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Webhook delivery against a local receiver: signature, stable idempotency key, retries, dead letter, SSRF. */
@OpsflowIntegrationTest
class WebhookDeliveryIT {

    @Autowired Messages messages;
    @Autowired SendLog sendLog;
    @Autowired ChannelConfigs channelConfigs;
    @Autowired Templates templates;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;

    private WebhookReceiver receiver;
    private DeliveryDriver driver;
    private MessagingFixtures fixtures;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        driver = new DeliveryDriver(managementService);
        fixtures = new MessagingFixtures(channelConfigs, templates, identityService);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void postsSignedJsonWithTheIdempotencyKey() {
        var channel = fixtures.webhook(receiver.url(), "s3cret", true);
        var template = fixtures.template(ChannelType.WEBHOOK, TemplateFormat.TEXT, "Alarm", "Pump ${pump} stopped");

        String id = messages.send(MessageRequest.of(template.code(), List.of(Recipient.address("ops-room")), Map.of("pump", "P-3"))
                        .viaChannel(channel.name()))
                .get(0);
        assertThat(driver.runJob(id)).isEmpty();

        var call = receiver.calls().get(0);
        var entry = sendLog.find(id).orElseThrow();
        assertThat(call.signature()).isEqualTo("sha256=" + WebhookPoster.hmacSha256Hex("s3cret", call.body()));
        assertThat(call.idempotencyKey()).isEqualTo(entry.idempotencyKey());
        assertThat(call.body()).contains("\"body\":\"Pump P-3 stopped\"").contains("\"recipient\":\"ops-room\"");
        assertThat(entry.status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void retriesWithTheSameKeyThenDeadLettersAfterTheConfiguredTries() {
        receiver.answer(500);
        var channel = fixtures.webhook(receiver.url(), "k", true);
        var template = fixtures.template(ChannelType.WEBHOOK, TemplateFormat.TEXT, null, "Ping");

        String id = messages.send(MessageRequest.of(template.code(), List.of(Recipient.address("ops-room")), Map.of())
                        .viaChannel(channel.name())
                        .withRetries(2, Duration.ofSeconds(30)))
                .get(0);
        assertThat(driver.runJob(id)).isEmpty();
        assertThat(sendLog.find(id).orElseThrow().status()).isEqualTo(MessageStatus.RETRIED);
        assertThat(driver.runRetry(id)).isPresent();

        var entry = sendLog.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.DEAD);
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(entry.error()).contains("attempt 2/2").contains("HTTP 500");
        var deadLetter = driver.deadLetter(id).orElseThrow();
        assertThat(deadLetter.getExceptionMessage()).contains("undeliverable").contains("HTTP 500");
        assertThat(receiver.calls()).hasSize(2).extracting(WebhookReceiver.Call::idempotencyKey).containsOnly(entry.idempotencyKey());

        // An admin fixes the receiver and moves the dead letter back: delivered once, same key.
        receiver.answer(204);
        managementService.moveDeadLetterJobToExecutableJob(deadLetter.getId(), 1);
        assertThat(driver.runJob(id)).isEmpty();
        assertThat(sendLog.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(receiver.calls()).hasSize(3).extracting(WebhookReceiver.Call::idempotencyKey).containsOnly(entry.idempotencyKey());
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetriedWithTheSameKey() {
        receiver.hold();
        var channel = fixtures.webhook(receiver.url(), "k", true);
        var template = fixtures.template(ChannelType.WEBHOOK, TemplateFormat.TEXT, null, "Ping");
        String id = messages.send(MessageRequest.of(template.code(), List.of(Recipient.address("x")), Map.of()).viaChannel(channel.name())).get(0);

        assertThat(driver.runJob(id)).isEmpty();
        var entry = sendLog.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.RETRIED);
        assertThat(entry.error()).contains("did not answer in time");

        receiver.release();
        assertThat(driver.runRetry(id)).isEmpty();
        assertThat(sendLog.find(id).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        assertThat(receiver.calls()).hasSize(2).extracting(WebhookReceiver.Call::idempotencyKey).containsOnly(entry.idempotencyKey());
    }

    @Test
    void aClientErrorIsNotRetried() {
        receiver.answer(400);
        var channel = fixtures.webhook(receiver.url(), null, true);
        var template = fixtures.template(ChannelType.WEBHOOK, TemplateFormat.TEXT, null, "Ping");

        String id = messages.send(MessageRequest.of(template.code(), List.of(Recipient.address("x")), Map.of()).viaChannel(channel.name())).get(0);
        assertThat(driver.runJob(id)).isEmpty();

        assertThat(sendLog.find(id).orElseThrow().status()).isEqualTo(MessageStatus.FAILED);
        assertThat(driver.scheduledRetry(id)).isEmpty();
        assertThat(receiver.calls()).hasSize(1).allSatisfy(c -> assertThat(c.signature()).isNull());
    }

    @Test
    void loopbackTargetsAreRefusedUnlessTheAdminAllowsThem() {
        var channel = fixtures.webhook(receiver.url(), "k", false);
        var template = fixtures.template(ChannelType.WEBHOOK, TemplateFormat.TEXT, null, "Ping");

        String id = messages.send(MessageRequest.of(template.code(), List.of(Recipient.address("x")), Map.of()).viaChannel(channel.name())).get(0);
        assertThat(driver.runJob(id)).isEmpty();

        var entry = sendLog.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.error()).contains("loopback, private or link-local");
        assertThat(receiver.calls()).isEmpty();
    }
}
