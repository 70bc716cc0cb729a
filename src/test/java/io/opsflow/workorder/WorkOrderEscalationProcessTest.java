package io.opsflow.workorder;

import static io.opsflow.workorder.WorkOrderFixtures.order;
import static io.opsflow.workorder.WorkOrderFixtures.skill;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.DeliveryDriver;
import io.opsflow.messaging.MessageStatus;
import io.opsflow.messaging.channel.ChannelConfig;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.delivery.LogEntry;
import io.opsflow.messaging.delivery.LogFilter;
import io.opsflow.messaging.delivery.SendLog;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import io.opsflow.workorder.order.WorkOrderStore;
import io.opsflow.workorder.process.WorkOrderProcess;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.TaskService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed's check: due in one hour, nobody acts, and after the hour a warning mail reaches the
 * assignee (and the supervisors); later a second level reaches the admins; each level only once.
 * Time is the engine clock, moved by the test; timer jobs are run by hand (no async executor).
 */
@OpsflowIntegrationTest
class WorkOrderEscalationProcessTest {

    @Autowired WorkOrderFixtures fixtures;
    @Autowired WorkOrderStore store;
    @Autowired WorkOrderProcess workOrders;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired ProcessEngineConfiguration engine;
    @Autowired ChannelConfigs channelConfigs;
    @Autowired SendLog sendLog;

    private GreenMail smtp;
    private final List<ChannelConfig> channels = new ArrayList<>();

    @BeforeEach
    void mailServerAndDefaultChannels() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // Default channels, as an installation has them; switched off again afterwards for the other tests.
        channels.add(channelConfigs.save(new ChannelConfig(null, TestUsers.uniqueId("0-wo-mail"), ChannelType.EMAIL, true, true,
                Map.of("host", "127.0.0.1", "port", String.valueOf(port), "security", "NONE", "from", "opsflow@example.com",
                        "timeoutSeconds", "2"), null, false), null));
        channels.add(channelConfigs.save(new ChannelConfig(null, TestUsers.uniqueId("0-wo-inbox"), ChannelType.IN_APP, true, true,
                Map.of(), null, false), null));
    }

    @AfterEach
    void restore() {
        engine.getClock().reset();
        for (ChannelConfig c : channels) {
            channelConfigs.save(new ChannelConfig(c.id(), c.name(), c.type(), false, false, c.settings(), null, false), null);
        }
        smtp.stop();
    }

    @Test
    void dueInOneHourWithNoActionWarnsAfterTheHourThenEscalatesToAdminsOncePerLevel() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        engine.getClock().setCurrentTime(Date.from(now));
        String electrician = skill("电工");
        String worker = fixtures.staff("late-electrician", electrician);
        String supervisor = fixtures.supervisor();
        String id = fixtures.start(supervisor, order("Stairwell light out", electrician, now.plus(Duration.ofHours(1))));

        engine.getClock().setCurrentTime(Date.from(now.plus(Duration.ofMinutes(59))));
        assertThat(executableTimers(id)).as("nothing is due before the hour").isEmpty();
        assertThat(logged(id, "Service_WarnOverdue")).isEmpty();

        engine.getClock().setCurrentTime(Date.from(now.plus(Duration.ofMinutes(61))));
        runTimers(id);

        assertThat(taskService.createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey()).isEqualTo("Task_PerformWork");
        var level1 = logged(id, "Service_WarnOverdue");
        assertThat(level1).extracting(LogEntry::recipient).contains(worker, supervisor);
        assertThat(level1).extracting(LogEntry::channelType).contains(ChannelType.EMAIL, ChannelType.IN_APP);
        LogEntry mailToWorker = level1.stream()
                .filter(e -> e.recipient().equals(worker) && e.channelType() == ChannelType.EMAIL).findFirst().orElseThrow();
        assertThat(new DeliveryDriver(managementService).runJob(mailToWorker.id())).isEmpty();
        assertThat(sendLog.find(mailToWorker.id()).orElseThrow().status()).isEqualTo(MessageStatus.SENT);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(worker + "@example.com");
        assertThat(mails[0].getSubject()).startsWith("Overdue (level 1): work order WO-").endsWith("Stairwell light out");
        assertThat(store.find((String) variable(id, "workOrderId")).orElseThrow().escalationLevel()).isEqualTo(1);
        assertThat(logged(id, "Service_EscalateToAdmins")).isEmpty();

        engine.getClock().setCurrentTime(Date.from(now.plus(Duration.ofMinutes(121))));
        runTimers(id);

        assertThat(logged(id, "Service_EscalateToAdmins")).extracting(LogEntry::recipient).contains("admin");
        assertThat(store.find((String) variable(id, "workOrderId")).orElseThrow().escalationLevel()).isEqualTo(2);

        // Submitted late, rejected: the work task starts again past both times, but no level warns twice.
        int warnings = logged(id, "Service_WarnOverdue").size();
        int escalations = logged(id, "Service_EscalateToAdmins").size();
        taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId(), Map.of("checklistDone", true));
        workOrders.decide(store.find((String) variable(id, "workOrderId")).orElseThrow(), false, "not fixed", supervisor);
        runTimers(id);

        assertThat(logged(id, "Service_WarnOverdue")).hasSize(warnings);
        assertThat(logged(id, "Service_EscalateToAdmins")).hasSize(escalations);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id).activityId("End_AlreadyWarned").count())
                .isEqualTo(1);
    }

    private List<Job> executableTimers(String processInstanceId) {
        return managementService.createTimerJobQuery().processInstanceId(processInstanceId).executable().list();
    }

    private void runTimers(String processInstanceId) {
        List<Job> due = executableTimers(processInstanceId);
        assertThat(due).as("a timer is due").isNotEmpty();
        for (Job timer : due) {
            Job job = managementService.moveTimerToExecutableJob(timer.getId());
            managementService.executeJob(job.getId());
        }
    }

    private Object variable(String processInstanceId, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
                .singleResult().getValue();
    }

    private List<LogEntry> logged(String processInstanceId, String activityId) {
        return sendLog.search(new LogFilter(null, null, null, processInstanceId, null, null), 0, 500).items().stream()
                .filter(e -> activityId.equals(e.activityId()))
                .toList();
    }
}
