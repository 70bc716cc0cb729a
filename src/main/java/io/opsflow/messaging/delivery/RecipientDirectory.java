package io.opsflow.messaging.delivery;

import io.opsflow.messaging.ChannelType;
import io.opsflow.messaging.Recipient;
import java.util.List;
import org.flowable.engine.IdentityService;
import org.flowable.idm.api.User;
import org.springframework.stereotype.Component;

/**
 * Turns users and groups into addresses for a channel type, from Flowable IDM: the user's e-mail for
 * EMAIL, the user info {@code phone} for SMS, {@code pushToken} (else the user id) for PUSH, the user
 * info {@code imId} (else the user id) for WEBHOOK, the user id for IN_APP. The staff directory
 * ({@code /staff}) edits e-mail, phone and IM id there. Groups expand to their members.
 */
@Component
class RecipientDirectory {

    /** One concrete recipient; {@code problem} says why it cannot be addressed, if so. */
    record Resolved(String label, String userId, String displayName, String address, String problem) {}

    private final IdentityService identityService;

    RecipientDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    List<Resolved> resolve(Recipient recipient, ChannelType type) {
        return switch (recipient.kind()) {
            case USER -> List.of(user(recipient.value(), type));
            case GROUP -> {
                List<User> members = identityService.createUserQuery().memberOfGroup(recipient.value()).list();
                if (members.isEmpty()) {
                    yield List.of(new Resolved("group:" + recipient.value(), null, null, null,
                            "group '" + recipient.value() + "' has no members"));
                }
                yield members.stream().map(u -> forUser(u, type)).toList();
            }
            case ADDRESS -> List.of(type == ChannelType.IN_APP
                    ? new Resolved(recipient.value(), null, null, null, "in-app messages go to users, not to addresses")
                    : new Resolved(recipient.value(), null, null, recipient.value(), null));
        };
    }

    private Resolved user(String userId, ChannelType type) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null ? new Resolved(userId, null, null, null, "unknown user '" + userId + "'") : forUser(user, type);
    }

    private Resolved forUser(User user, ChannelType type) {
        String name = displayName(user);
        String address = switch (type) {
            case EMAIL -> user.getEmail();
            case SMS -> identityService.getUserInfo(user.getId(), "phone");
            case PUSH -> {
                String token = identityService.getUserInfo(user.getId(), "pushToken");
                yield token == null ? user.getId() : token;
            }
            case WEBHOOK -> {
                String imId = identityService.getUserInfo(user.getId(), "imId");
                yield imId == null ? user.getId() : imId;
            }
            case IN_APP -> user.getId();
        };
        String problem = address == null || address.isBlank()
                ? "user '" + user.getId() + "' has no " + (type == ChannelType.SMS ? "phone number" : "e-mail address")
                : null;
        return new Resolved(user.getId(), user.getId(), name, address, problem);
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
