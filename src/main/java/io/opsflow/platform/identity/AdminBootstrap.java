package io.opsflow.platform.identity;

import io.opsflow.platform.Groups;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.flowable.engine.ManagementService;
import org.flowable.idm.api.Group;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * First start: creates the system groups and the {@code admin} user. The admin password comes from
 * {@code OPSFLOW_ADMIN_PASSWORD}; without it a random one is generated and logged once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USER = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final IdentityService identityService;
    private final ManagementService managementService;
    private final String configuredPassword;

    AdminBootstrap(
            IdentityService identityService,
            ManagementService managementService,
            @Value("${opsflow.admin.password:}") String configuredPassword) {
        this.identityService = identityService;
        this.managementService = managementService;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Nodes starting together on one database take turns, so groups and admin are created once.
        managementService.getLockManager("opsflow-bootstrap").waitForLockRunAndRelease(Duration.ofMinutes(2), () -> {
            bootstrap();
            return null;
        });
    }

    private void bootstrap() {
        Groups.SYSTEM_GROUPS.forEach(this::ensureGroup);
        if (identityService.createUserQuery().userId(ADMIN_USER).count() > 0) {
            return;
        }
        boolean generated = !StringUtils.hasText(configuredPassword);
        String password = generated ? randomPassword() : configuredPassword;
        User admin = identityService.newUser(ADMIN_USER);
        admin.setFirstName("Opsflow");
        admin.setLastName("Administrator");
        admin.setDisplayName("Administrator");
        admin.setPassword(password);
        identityService.saveUser(admin);
        identityService.createMembership(ADMIN_USER, Groups.ADMIN);
        if (generated) {
            log.warn("\n\n  Created user 'admin' with the generated password: {}\n"
                    + "  It is shown only this once. Set OPSFLOW_ADMIN_PASSWORD before the first start to choose it.\n", password);
        } else {
            log.info("Created user 'admin' with the password from OPSFLOW_ADMIN_PASSWORD");
        }
    }

    private void ensureGroup(String id) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
        group.setType("system");
        identityService.saveGroup(group);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
