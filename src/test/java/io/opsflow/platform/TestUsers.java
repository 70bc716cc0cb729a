package io.opsflow.platform;

import java.util.UUID;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;

/** Users with unique ids, since integration tests share one database across classes and runs. */
public final class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";

    private TestUsers() {}

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user with {@link #PASSWORD} in the given groups and returns its id. */
    public static String create(IdentityService identityService, String prefix, String... groups) {
        String id = uniqueId(prefix);
        User user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName(prefix);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
        return id;
    }
}
