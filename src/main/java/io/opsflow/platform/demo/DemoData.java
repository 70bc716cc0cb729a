package io.opsflow.platform.demo;

import io.opsflow.platform.Groups;
import io.opsflow.platform.identity.UserSkills;
import java.time.Duration;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.idm.api.Group;
import org.flowable.idm.api.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a new database with people and work so a first look at Opsflow shows full task lists: one
 * user per group, a team and three running service requests. On by default for the embedded
 * database ({@code opsflow.demo.enabled}), off in the {@code postgres} profile.
 */
@Component
@ConditionalOnProperty(name = "opsflow.demo.enabled", havingValue = "true")
// After AdminBootstrap (the groups) and the process deployment (service-request).
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "opsflow-demo";
    static final String TEAM = "team-north";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoUser(String id, String firstName, String lastName, String group, List<String> skills) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("dora", "Dora", "Chen", Groups.DESIGNER, List.of()),
            new DemoUser("sam", "Sam", "Zhou", Groups.SUPERVISOR, List.of()),
            new DemoUser("lily", "李丽", null, Groups.STAFF, List.of("电工", "水电")),
            new DemoUser("wang", "王强", null, Groups.STAFF, List.of("绿化", "泥瓦")),
            new DemoUser("ivan", "Ivan", "Petrov", Groups.INTEGRATOR, List.of()));

    private final IdentityService identityService;
    private final ManagementService managementService;
    private final UserSkills skills;
    private final DemoRequests requests;
    private final TransactionTemplate transaction;

    DemoData(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
            ManagementService managementService, UserSkills skills, PlatformTransactionManager transactionManager) {
        this.identityService = identityService;
        this.managementService = managementService;
        this.skills = skills;
        this.requests = new DemoRequests(identityService, runtimeService, taskService);
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        // Nodes starting together on a new database would otherwise both see "no demo user yet".
        boolean loaded = managementService.getLockManager("opsflow-demo-data").waitForLockRunAndRelease(
                Duration.ofMinutes(2), () -> Boolean.TRUE.equals(transaction.execute(tx -> loadIntoNewDatabase())));
        if (loaded) {
            log.info("Demo data loaded. Log in as dora (designer), sam (supervisor), lily or wang (staff), ivan (integrator); "
                    + "password '{}'. Turn it off with OPSFLOW_DEMO=false.", PASSWORD);
        }
    }

    private boolean loadIntoNewDatabase() {
        if (identityService.createUserQuery().userIds(USERS.stream().map(DemoUser::id).toList()).count() > 0) {
            return false;
        }
        USERS.forEach(this::create);
        Group team = identityService.newGroup(TEAM);
        team.setName("North team 北区");
        team.setType("team");
        identityService.saveGroup(team);
        identityService.createMembership("lily", TEAM);
        identityService.createMembership("wang", TEAM);
        requests.start();
        return true;
    }

    private void create(DemoUser demo) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setDisplayName(demo.lastName() == null ? demo.firstName() : demo.firstName() + " " + demo.lastName());
        user.setEmail(demo.id() + "@example.org");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.group());
        skills.replace(demo.id(), demo.skills());
    }
}
