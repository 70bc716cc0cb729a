package io.opsflow.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.DeliveryDriver;
import io.opsflow.messaging.MessageRequest;
import io.opsflow.messaging.Messages;
import io.opsflow.messaging.MessagingFixtures;
import io.opsflow.messaging.Recipient;
import io.opsflow.messaging.channel.ChannelConfigs;
import io.opsflow.messaging.template.TemplateFormat;
import io.opsflow.messaging.template.Templates;
import io.opsflow.support.OpsflowIntegrationTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The inbox page and its live stream, through a logged-in browser session (form login, CSRF). */
@OpsflowIntegrationTest
class InboxStreamIT {

    @LocalServerPort int port;
    @Autowired Messages messages;
    @Autowired ChannelConfigs channelConfigs;
    @Autowired Templates templates;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;

    @Test
    void aDeliveredInAppMessageIsPushedToTheOpenStreamAndShownOnThePage() throws Exception {
        var fixtures = new MessagingFixtures(channelConfigs, templates, identityService);
        String user = fixtures.user("sse@example.com", "sse-pass-1");
        var inApp = fixtures.inApp();
        var template = fixtures.template(ChannelType.IN_APP, TemplateFormat.TEXT, "Work order ${no}", "Please go to <b>${where}</b>");
        var session = new BrowserSession(port, user, "sse-pass-1");
        HttpClient browser = session.client;

        HttpResponse<java.util.stream.Stream<String>> stream = browser.send(
                HttpRequest.newBuilder(session.url("/inbox/stream")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Iterator<String> lines = stream.body().iterator();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThat(nextData(lines, "unread")).contains("\"unread\":0");

            String id = messages.send(MessageRequest.of(template.code(), List.of(Recipient.user(user)), Map.of("no", "WO-1", "where", "B2"))
                            .viaChannel(inApp.name()))
                    .get(0);
            new DeliveryDriver(managementService).runJob(id);

            String pushed = nextData(lines, "message");
            assertThat(pushed).contains("\"subject\":\"Work order WO-1\"").contains("\"unread\":1").contains("Please go to <b>B2</b>");
        });
        stream.body().close();

        String page = session.get("/inbox").body();
        assertThat(page).contains("Work order WO-1").contains("Please go to &lt;b&gt;B2&lt;/b&gt;").contains("/js/inbox.js");
    }

    private static String nextData(Iterator<String> lines, String event) {
        boolean inEvent = false;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.equals("event:" + event)) {
                inEvent = true;
            } else if (inEvent && line.startsWith("data:")) {
                return line.substring(5);
            }
        }
        throw new AssertionError("stream ended before event " + event);
    }
}
