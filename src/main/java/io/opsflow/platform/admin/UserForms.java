package io.opsflow.platform.admin;

import java.util.List;

/** The fields of the admin user forms, bound from the request by name. */
final class UserForms {

    private UserForms() {}

    /** Create a user. {@code skills} is the free text of the skills field, such as 电工、水电. */
    record NewUser(
            String id, String firstName, String lastName, String email, String password, List<String> groups, String skills) {

        NewUser {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        static NewUser empty() {
            return new NewUser("", "", "", "", "", List.of(), "");
        }

        NewUser withoutPassword() {
            return new NewUser(id, firstName, lastName, email, "", groups, skills);
        }
    }

    /** Change a user's names, email, groups and skills. */
    record UserChanges(String firstName, String lastName, String email, List<String> groups, String skills) {

        UserChanges {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }
}
