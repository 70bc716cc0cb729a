package io.opsflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.delivery.DeliveryJobs;
import io.opsflow.messaging.delivery.SendLog;
import io.opsflow.messaging.template.TemplateFormat;
import io.opsflow.messaging.template.Templates;
import io.opsflow.support.OpsflowIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A real SMTP conversation with GreenMail, configured as a channel row (not Spring properties). */
@OpsflowIntegrationTest
class EmailDeliveryIT {

    @Autowired Messages messages;
    @Autowired SendLog sendLog;
    @Autowired DeliveryJobs deliveryJobs;
    @Autowired ChannelConfigs channelConfigs;
    @Autowired Templates templates;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired TransactionTemplate transaction;

    private int port;
    private GreenMail smtp;
    private DeliveryDriver driver;
    private MessagingFixtures fixtures;

    @BeforeEach
    void setUp() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        driver = new DeliveryDriver(managementService);
        fixtures = new MessagingFixtures(channelConfigs, templates, identityService);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void rendersEscapesAndSendsOneMailPerRecipient() throws Exception {
        smtp.start();
        var channel = fixtures.smtp(port);
        var template = fixtures.template(ChannelType.EMAIL, TemplateFormat.HTML, "Work order ${orderNo} for ${recipientName}",
                "<p>Dear ${recipientName}, please check ${location}.</p>");
        String alice = fixtures.user("alice@example.com");

        List<String> ids = messages.send(MessageRequest.of(template.code(),
                        List.of(Recipient.user(alice), Recipient.address("bob@example.com")),
                        Map.of("orderNo", "WO-7", "location", "<script>x()</script> ${secret} & #{bean}"))
                .viaChannel(channel.name()));
        ids.forEach(id -> assertThat(driver.runJob(id)).isEmpty());

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        for (MimeMessage mail : mails) {
            assertThat(mail.getAllRecipients()).hasSize(1);
            assertThat(GreenMailUtil.getBody(mail)).contains("&lt;script&gt;x()&lt;/script&gt; ${secret} &amp; #{bean}");
        }
        MimeMessage toAlice = Arrays.stream(mails).filter(m -> recipient(m).equals("alice@example.com")).findFirst().orElseThrow();
        assertThat(toAlice.getSubject()).isEqualTo("Work order WO-7 for Test " + alice);
        var aliceEntry = ids.stream().map(id -> sendLog.find(id).orElseThrow()).filter(e -> e.recipient().equals(alice)).findFirst().orElseThrow();
        assertThat(aliceEntry.status()).isEqualTo(MessageStatus.SENT);
        assertThat(aliceEntry.address()).isEqualTo("alice@example.com");
        assertThat(toAlice.getMessageID()).isEqualTo("<" + aliceEntry.idempotencyKey() + "@example.com>");
    }

    @Test
    void aGroupGetsOneMailPerMemberAndAMemberWithoutAddressIsLoggedAsFailed() {
        smtp.start();
        var channel = fixtures.smtp(port);
        var template = fixtures.template(ChannelType.EMAIL, TemplateFormat.TEXT, "Shift change", "Hello ${recipientName}");
        String group = MessagingFixtures.unique("night-shift");
        identityService.saveGroup(identityService.newGroup(group));
        String withMail = fixtures.user("night1@example.com");
        String withoutMail = fixtures.user(null);
        identityService.createMembership(withMail, group);
        identityService.createMembership(withoutMail, group);

        List<String> ids = messages.send(MessageRequest.of(template.code(), List.of(Recipient.group(group)), Map.of()).viaChannel(channel.name()));

        assertThat(ids).hasSize(2);
        var failed = ids.stream().map(id -> sendLog.find(id).orElseThrow()).filter(e -> e.status() == MessageStatus.FAILED).toList();
        assertThat(failed).singleElement().satisfies(e -> assertThat(e.error()).contains(withoutMail).contains("no e-mail address"));
        ids.stream().filter(id -> driver.hasExecutableJob(id)).forEach(driver::runJob);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aServerThatIsDownIsRetriedAndTheMailArrivesOnceWhenItIsBack() throws Exception {
        var channel = fixtures.smtp(port);
        var template = fixtures.template(ChannelType.EMAIL, TemplateFormat.TEXT, "Overdue: ${orderNo}", "Order ${orderNo} is overdue.");
        String id = messages.send(MessageRequest.of(template.code(), List.of(Recipient.address("ops@example.com")), Map.of("orderNo", "WO-9"))
                        .viaChannel(channel.name()))
                .get(0);

        assertThat(driver.runJob(id)).isEmpty();
        var afterFirst = sendLog.find(id).orElseThrow();
        assertThat(afterFirst.status()).isEqualTo(MessageStatus.RETRIED);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.error()).contains("attempt 1/3").contains("SMTP 127.0.0.1:" + port);
        assertThat(driver.scheduledRetry(id)).isPresent();

        smtp.start();
        assertThat(driver.runRetry(id)).isEmpty();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        var sent = sendLog.find(id).orElseThrow();
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + sent.idempotencyKey() + "@example.com>");

        // A duplicate job for the same message (e.g. a node crashed after sending) sends nothing.
        transaction.executeWithoutResult(tx -> deliveryJobs.enqueue(id, null));
        assertThat(driver.runJob(id)).isEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aHeaderInjectionInTheSubjectIsRefusedAndLogged() {
        smtp.start();
        var channel = fixtures.smtp(port);
        var template = fixtures.template(ChannelType.EMAIL, TemplateFormat.TEXT, "Hello ${name}", "Body");

        String id = messages.send(MessageRequest.of(template.code(), List.of(Recipient.address("ops@example.com")),
                                Map.of("name", "x\r\nBcc: everyone@example.com"))
                        .viaChannel(channel.name()))
                .get(0);

        var entry = sendLog.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.error()).contains("line break");
        assertThat(driver.hasExecutableJob(id)).isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void anInjectedRecipientAddressFailsWithoutRetrying() {
        smtp.start();
        var channel = fixtures.smtp(port);
        var template = fixtures.template(ChannelType.EMAIL, TemplateFormat.TEXT, "Hi", "Body");

        String id = messages.send(MessageRequest.of(template.code(), List.of(Recipient.address("a@example.com\r\nBcc: b@example.com")), Map.of())
                        .viaChannel(channel.name()))
                .get(0);
        assertThat(driver.runJob(id)).isEmpty();

        var entry = sendLog.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(entry.error()).contains("not a single e-mail address");
        assertThat(driver.scheduledRetry(id)).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static String recipient(MimeMessage mail) {
        try {
            return ((jakarta.mail.internet.InternetAddress) mail.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
