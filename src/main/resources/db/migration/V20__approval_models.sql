-- Approvals, design time: the designers' simple models (draft with an optimistic version), every
-- published version with its generated BPMN, the org chart (who is whose supervisor), and CC records.
-- Models are JSON text: data, never code; the BPMN is generated from them (docs/approvals.md).

create table app_approval_model (
    code               varchar(64)     not null primary key,
    name               varchar(200)    not null,
    draft_json         varchar(1000000) not null,
    -- Incremented by every save; a save naming an older version is refused (409).
    version            integer         not null,
    published_version  integer,
    created_by         varchar(255),
    created_at         timestamp       not null,
    updated_by         varchar(255),
    updated_at         timestamp       not null
);

create table app_approval_model_version (
    code                    varchar(64)      not null,
    version                 integer          not null,
    model_json              varchar(1000000) not null,
    bpmn_xml                varchar(1000000) not null,
    deployment_id           varchar(64)      not null,
    process_definition_id   varchar(64)      not null,
    published_by            varchar(255),
    published_at            timestamp        not null,
    primary key (code, version)
);

-- The org chart for "the starter's supervisor / N levels up": one direct supervisor per user.
create table app_approval_supervisor (
    user_id        varchar(255) not null primary key,
    supervisor_id  varchar(255) not null,
    updated_by     varchar(255),
    updated_at     timestamp    not null
);
create index ix_app_approval_supervisor_sup on app_approval_supervisor (supervisor_id);

-- CC (抄送): one row per receiver and CC, written by CC nodes and by the run-time CC operation.
create table app_approval_cc (
    id                   varchar(36)   not null primary key,
    process_instance_id  varchar(64)   not null,
    node_id              varchar(64),
    user_id              varchar(255)  not null,
    cc_by                varchar(255)  not null,
    note                 varchar(2000),
    created_at           timestamp     not null,
    read_at              timestamp
);
create index ix_app_approval_cc_user on app_approval_cc (user_id, created_at);
create index ix_app_approval_cc_instance on app_approval_cc (process_instance_id);

-- Messages the approval timers send; admins may edit them on the templates page.
insert into app_msg_template (id, code, channel_type, format, subject, body, message_type, urgent, created_at, updated_at) values
    ('7a1e2c40-0000-4000-8000-0000000000b1', 'approval-reminder', 'IN_APP', 'TEXT',
     'Reminder: ${approvalName} waits for you',
     '${starter} is waiting for your decision on "${approvalName}" at ${nodeName} (reminder ${reminder} of ${reminders}).',
     'approval-reminder', false, current_timestamp, current_timestamp),
    ('7a1e2c40-0000-4000-8000-0000000000b2', 'approval-reminder', 'EMAIL', 'TEXT',
     'Reminder: ${approvalName} waits for your decision',
     'Dear ${recipientName}, ${starter} is waiting for your decision on "${approvalName}" at ${nodeName} (reminder ${reminder} of ${reminders}). Open your task list to decide.',
     'approval-reminder', false, current_timestamp, current_timestamp);
