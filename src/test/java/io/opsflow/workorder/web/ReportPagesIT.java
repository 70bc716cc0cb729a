package io.opsflow.workorder.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.TestUsers;
import io.opsflow.platform.WebSession;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The reports page over real HTTP: link from the work orders, generate a month, download the PDF; staff are kept out. */
@OpsflowIntegrationTest
class ReportPagesIT {

    private static final Pattern DOWNLOAD = Pattern.compile("href=\"(/work-orders/reports/[0-9a-f-]+/pdf)\"");

    @LocalServerPort int port;
    @Autowired IdentityService identityService;

    @Test
    void aSupervisorGeneratesAMonthAndDownloadsItsPdf() {
        WebSession supervisor = new WebSession(port);
        assertThat(supervisor.logIn(TestUsers.create(identityService, "reports-page-supervisor", Groups.SUPERVISOR), TestUsers.PASSWORD)
                .redirectsTo("/")).isTrue();
        assertThat(supervisor.get("/work-orders").body()).contains("href=\"/work-orders/reports\"");
        assertThat(supervisor.get("/work-orders/reports").body()).contains("id=\"generate-report\"");

        var generated = supervisor.submit("/work-orders/reports", "/work-orders/reports", "month", "2024-03");
        assertThat(generated.redirectsTo("/work-orders/reports")).isTrue();
        String page = supervisor.get("/work-orders/reports").body();
        assertThat(page).contains("Generated the report of 2024-03").contains("2024-03");

        Matcher link = DOWNLOAD.matcher(page);
        assertThat(link.find()).isTrue();
        var pdf = supervisor.get(link.group(1));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");

        var bad = supervisor.submit("/work-orders/reports", "/work-orders/reports", "month", "2024-3x");
        assertThat(bad.redirectsTo("/work-orders/reports")).isTrue();
        assertThat(supervisor.get("/work-orders/reports").body()).contains("month must be YYYY-MM");
    }

    @Test
    void staffDoNotGetThePage() {
        WebSession staff = new WebSession(port);
        assertThat(staff.logIn(TestUsers.create(identityService, "reports-page-staff", Groups.STAFF), TestUsers.PASSWORD).redirectsTo("/"))
                .isTrue();
        assertThat(staff.get("/work-orders").body()).doesNotContain("/work-orders/reports");
        assertThat(staff.get("/work-orders/reports").status()).isEqualTo(403);
    }
}
