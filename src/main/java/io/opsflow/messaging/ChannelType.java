package io.opsflow.messaging;

/** The kinds of channel a message can go out on; each has its own strategy class. */
public enum ChannelType {
    EMAIL,
    IN_APP,
    WEBHOOK,
    SMS,
    PUSH
}
