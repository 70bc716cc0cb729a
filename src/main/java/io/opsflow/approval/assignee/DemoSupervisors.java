package io.opsflow.approval.assignee;

import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With demo data: lily and wang report to sam, so the shipped approval goes to sam, then an admin. */
@Component
@ConditionalOnProperty(name = "opsflow.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DemoSupervisors implements ApplicationRunner {

    static final Map<String, String> LINES = Map.of("lily", "sam", "wang", "sam");

    private final OrgChart orgChart;
    private final People people;

    DemoSupervisors(OrgChart orgChart, People people) {
        this.orgChart = orgChart;
        this.people = people;
    }

    @Override
    public void run(ApplicationArguments args) {
        LINES.forEach((user, supervisor) -> {
            if (orgChart.supervisorOf(user).isEmpty() && people.userExists(user) && people.userExists(supervisor)) {
                orgChart.set(user, supervisor, "demo");
            }
        });
    }
}
