-- Messaging center: channel configs, templates, the send log (outbox), the in-app inbox and
-- per-user preferences. Timestamps are UTC.

create table app_msg_channel (
    id                     varchar(36)   not null primary key,
    name                   varchar(100)  not null,
    type                   varchar(16)   not null,
    is_default             boolean       not null default false,
    enabled                boolean       not null default true,
    -- Non-secret settings as JSON (host, port, url, from, tls, timeouts, ...).
    settings               varchar(4000) not null,
    -- Password / signing key: 'v1:<AES-GCM>' encrypted, or an environment reference (dollar-brace NAME).
    secret                 varchar(2000),
    -- Admin-set: webhook-style targets on loopback or private networks are allowed for this channel.
    allow_private_targets  boolean       not null default false,
    created_at             timestamp     not null,
    updated_at             timestamp     not null,
    constraint uq_app_msg_channel_name unique (name)
);

create table app_msg_template (
    id            varchar(36)    not null primary key,
    code          varchar(100)   not null,
    channel_type  varchar(16)    not null,
    format        varchar(8)     not null,
    subject       varchar(500),
    body          varchar(20000) not null,
    -- What the message is about (e.g. task-assigned, overdue-warning); preferences are kept per type.
    message_type  varchar(100)   not null,
    -- Urgent messages are delivered during the recipient's quiet hours.
    urgent        boolean        not null default false,
    created_at    timestamp      not null,
    updated_at    timestamp      not null,
    constraint uq_app_msg_template unique (code, channel_type)
);

-- One row per message and recipient; also the outbox the delivery jobs work from.
create table app_msg_log (
    id                   varchar(36)    not null primary key,
    idempotency_key      varchar(64)    not null,
    status               varchar(16)    not null,
    channel_id           varchar(36),
    channel_name         varchar(100),
    channel_type         varchar(16),
    template_code        varchar(100),
    message_type         varchar(100),
    recipient            varchar(320)   not null,
    address              varchar(320),
    subject              varchar(1000),
    body                 varchar(20000),
    format               varchar(8),
    process_instance_id  varchar(64),
    activity_id          varchar(255),
    task_id              varchar(64),
    error                varchar(2000),
    attempts             integer        not null default 0,
    max_attempts         integer        not null,
    backoff_seconds      integer        not null,
    resent_from          varchar(36),
    not_before           timestamp,
    created_at           timestamp      not null,
    updated_at           timestamp      not null,
    sent_at              timestamp,
    constraint uq_app_msg_log_key unique (idempotency_key)
);
create index ix_app_msg_log_status on app_msg_log (status, created_at);
create index ix_app_msg_log_process on app_msg_log (process_instance_id);
create index ix_app_msg_log_recipient on app_msg_log (recipient);

create table app_msg_inbox (
    id          varchar(36)    not null primary key,
    user_id     varchar(255)   not null,
    log_id      varchar(36)    not null,
    subject     varchar(1000),
    body        varchar(20000) not null,
    created_at  timestamp      not null,
    read_at     timestamp,
    constraint uq_app_msg_inbox_log unique (log_id)
);
create index ix_app_msg_inbox_user on app_msg_inbox (user_id, read_at);

-- Which channel types a user wants for a message type ('EMAIL,IN_APP'); no row = the sender's choice.
create table app_msg_preference (
    user_id       varchar(255) not null,
    message_type  varchar(100) not null,
    channel_types varchar(200) not null,
    primary key (user_id, message_type)
);

-- Quiet hours in the user's time zone, e.g. 22:00-07:00 Asia/Shanghai.
create table app_msg_quiet_hours (
    user_id     varchar(255) not null primary key,
    start_time  varchar(5)   not null,
    end_time    varchar(5)   not null,
    zone        varchar(64)  not null
);
