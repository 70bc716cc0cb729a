package io.opsflow.tasklist.form;

/** What the validator needs to know about users for user-picker fields. */
public interface UserDirectory {

    boolean exists(String userId);

    boolean isMember(String userId, String groupId);
}
