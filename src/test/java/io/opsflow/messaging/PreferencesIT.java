package io.opsflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.delivery.SendLog;
import io.opsflow.messaging.preference.Preferences;
import io.opsflow.messaging.template.MessageTemplate;
import io.opsflow.messaging.template.TemplateFormat;
import io.opsflow.messaging.template.Templates;
import io.opsflow.support.OpsflowIntegrationTest;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Users' channel choices and quiet hours, applied when messages are recorded. */
@OpsflowIntegrationTest
class PreferencesIT {

    @Autowired Messages messages;
    @Autowired Preferences preferences;
    @Autowired SendLog sendLog;
    @Autowired ChannelConfigs channelConfigs;
    @Autowired Templates templates;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;

    private MessagingFixtures fixtures;
    private DeliveryDriver driver;

    @BeforeEach
    void setUp() {
        fixtures = new MessagingFixtures(channelConfigs, templates, identityService);
        driver = new DeliveryDriver(managementService);
    }

    @Test
    void aUserWhoWantsOnlyInAppForATypeGetsNoWebhookCopy() throws Exception {
        String user = fixtures.user("p1@example.com");
        String code = MessagingFixtures.unique("assigned");
        templates.save(new MessageTemplate(null, code, ChannelType.IN_APP, TemplateFormat.TEXT, "New task", "Task for you", "pref-test", false));
        templates.save(new MessageTemplate(null, code, ChannelType.WEBHOOK, TemplateFormat.TEXT, null, "Task for ${recipientId}", "pref-test", false));
        fixtures.inApp();
        fixtures.webhook("http://127.0.0.1:9/hook", null, true);
        preferences.setChannels(user, "pref-test", Set.of(ChannelType.IN_APP));

        var ids = messages.send(MessageRequest.of(code, List.of(Recipient.user(user)), Map.of()));
        assertThat(ids).hasSize(1);
        var entry = sendLog.find(ids.get(0)).orElseThrow();
        assertThat(entry.channelType()).isEqualTo(ChannelType.IN_APP);
        assertThat(entry.status()).isEqualTo(MessageStatus.QUEUED);

        preferences.setChannels(user, "pref-test", Set.of(ChannelType.EMAIL));
        assertThat(messages.send(MessageRequest.of(code, List.of(Recipient.user(user)), Map.of()))).isEmpty();
    }

    @Test
    void duringQuietHoursANormalMessageWaitsAndAnUrgentOneGoesAtOnce() throws Exception {
        String user = fixtures.user("p2@example.com");
        var hook = fixtures.webhook("http://127.0.0.1:9/hook", null, true);
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("UTC"));
        preferences.setQuietHours(user, new Preferences.QuietHours(
                now.minusHours(1).toLocalTime().withSecond(0).withNano(0), now.plusHours(2).toLocalTime().withSecond(0).withNano(0), ZoneId.of("UTC")));
        var normal = fixtures.template(ChannelType.WEBHOOK, TemplateFormat.TEXT, null, "FYI");
        var urgent = templates.save(new MessageTemplate(null, MessagingFixtures.unique("overdue"), ChannelType.WEBHOOK, TemplateFormat.TEXT,
                null, "Overdue!", "overdue-warning", true));

        String waiting = messages.send(MessageRequest.of(normal.code(), List.of(Recipient.user(user)), Map.of()).viaChannel(hook.name())).get(0);
        String now1 = messages.send(MessageRequest.of(urgent.code(), List.of(Recipient.user(user)), Map.of()).viaChannel(hook.name())).get(0);

        assertThat(sendLog.find(waiting).orElseThrow().notBefore()).isAfter(now.toInstant());
        assertThat(driver.scheduledRetry(waiting)).as("a timer job waits for the end of quiet hours").isPresent();
        assertThat(driver.hasExecutableJob(waiting)).isFalse();
        assertThat(sendLog.find(now1).orElseThrow().notBefore()).isNull();
        assertThat(driver.hasExecutableJob(now1)).isTrue();
    }
}
