package io.opsflow.approval.assignee;

import io.opsflow.approval.model.Directory;
import java.util.List;
import java.util.Optional;

/** Users, groups and the org chart as approver resolution sees them. */
public interface People extends Directory {

    /** Member ids of the group, in a stable order. */
    List<String> groupMembers(String groupId);

    /** The user's direct supervisor in the org chart, if one is set. */
    Optional<String> supervisorOf(String userId);
}
