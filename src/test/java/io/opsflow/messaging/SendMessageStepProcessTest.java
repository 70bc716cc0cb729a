package io.opsflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.delivery.LogFilter;
import io.opsflow.messaging.delivery.SendLog;
import io.opsflow.messaging.inbox.Inbox;
import io.opsflow.messaging.template.TemplateFormat;
import io.opsflow.messaging.template.Templates;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A BPMN with the {@code ${sendMessage}} step: the process never waits for, or fails with, a channel. */
@OpsflowIntegrationTest
class SendMessageStepProcessTest {

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired ChannelConfigs channelConfigs;
    @Autowired Templates templates;
    @Autowired SendLog sendLog;
    @Autowired Inbox inbox;

    private MessagingFixtures fixtures;
    private DeliveryDriver driver;

    @BeforeEach
    void deploy() {
        fixtures = new MessagingFixtures(channelConfigs, templates, identityService);
        driver = new DeliveryDriver(managementService);
        repositoryService.createDeployment()
                .addClasspathResource("messaging/message-step-test.bpmn20.xml")
                .enableDuplicateFiltering()
                .name("message-step-test")
                .deploy();
    }

    @Test
    void theProcessCompletesWhileTheWebhookFailsAndTheReporterGetsAnInAppMessage() throws Exception {
        String reporter = fixtures.user("reporter@example.com");
        String code = MessagingFixtures.unique("request-noted");
        fixtures.template(code, ChannelType.WEBHOOK, TemplateFormat.TEXT, null, "New request: ${title}");
        fixtures.template(code, ChannelType.IN_APP, TemplateFormat.TEXT, "Request noted", "We got '${title}', ${recipientName}.");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503);
            var hook = fixtures.webhook(receiver.url(), "k", true);
            var inApp = fixtures.inApp();
            Map<String, Object> variables = new HashMap<>();
            variables.put("templateCode", code);
            variables.put("hookChannel", hook.name());
            variables.put("inboxChannel", inApp.name());
            variables.put("reporter", reporter);
            variables.put("title", "Leaking tap ${danger}");

            String id = runtimeService.startProcessInstanceByKey("message-step-test", variables).getId();

            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime()).isNotNull();
            var logged = sendLog.search(new LogFilter(null, null, null, id, null, null), 0, 10).items();
            assertThat(logged).hasSize(2).allSatisfy(e -> assertThat(e.status()).isEqualTo(MessageStatus.QUEUED));
            logged.forEach(e -> driver.runJob(e.id()));

            var toRoom = sendLog.search(new LogFilter(null, hook.name(), null, id, null, null), 0, 10).items().get(0);
            assertThat(toRoom.status()).isEqualTo(MessageStatus.RETRIED);
            assertThat(toRoom.activityId()).isEqualTo("Task_NotifyOpsRoom");
            assertThat(toRoom.maxAttempts()).isEqualTo(2);
            assertThat(receiver.calls()).hasSize(1);

            var toReporter = sendLog.search(new LogFilter(MessageStatus.SENT, null, reporter, id, null, null), 0, 10).items();
            assertThat(toReporter).hasSize(1);
            assertThat(inbox.of(reporter, true, 10)).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Request noted");
                assertThat(m.body()).isEqualTo("We got 'Leaking tap ${danger}', Test " + reporter + ".");
            });
            assertThat(inbox.unreadCount(reporter)).isEqualTo(1);
        }
    }

    @Test
    void anUnknownTemplateIsAFailureInTheLogNotAFailedProcess() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("templateCode", "no-such-template");
        variables.put("hookChannel", "WEBHOOK");
        variables.put("inboxChannel", "IN_APP");
        variables.put("reporter", "nobody");

        String id = runtimeService.startProcessInstanceByKey("message-step-test", variables).getId();

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime()).isNotNull();
        var logged = sendLog.search(new LogFilter(MessageStatus.FAILED, null, null, id, null, null), 0, 10).items();
        assertThat(logged).hasSize(2).allSatisfy(e -> assertThat(e.error()).containsAnyOf("unknown template 'no-such-template'", "unknown channel"));
    }
}
