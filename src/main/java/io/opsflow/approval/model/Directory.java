package io.opsflow.approval.model;

/** Which users and groups exist, for publish-time checks (Flowable IDM in the application). */
public interface Directory {

    boolean userExists(String userId);

    boolean groupExists(String groupId);
}
