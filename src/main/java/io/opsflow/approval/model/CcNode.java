package io.opsflow.approval.model;

import java.util.List;

/** CC (抄送): records the approval in the CC inbox of named users, group members and users in a form field. */
public record CcNode(String id, String name, List<String> users, List<String> groups, String formField) implements Node {

    public CcNode {
        users = users == null ? List.of() : List.copyOf(users);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
