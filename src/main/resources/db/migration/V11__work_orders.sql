-- Work orders: emergency templates, the orders themselves with their checklist, and the audit of
-- every assignment (automatic, manual dispatch, override). Timestamps are UTC. Skills and checklist
-- steps of templates are JSON arrays of strings: they are data (泥瓦, 水电, ...), never code.

create table app_wo_template (
    code        varchar(64)   not null primary key,
    name        varchar(200)  not null,
    skills      varchar(2000) not null,
    checklist   varchar(8000) not null,
    created_at  timestamp     not null default current_timestamp,
    updated_at  timestamp     not null default current_timestamp
);

-- Readable work-order numbers (WO-000001) without database-specific sequences.
create table app_wo_counter (
    name        varchar(32) not null primary key,
    next_value  bigint      not null
);
insert into app_wo_counter (name, next_value) values ('work-order', 1);

create table app_wo_work_order (
    id                   varchar(36)    not null primary key,
    number               varchar(32)    not null,
    title                varchar(200)   not null,
    template_code        varchar(64),
    location             varchar(200),
    skills               varchar(2000)  not null,
    priority             integer        not null,
    due_at               timestamp      not null,
    -- NEW, WAITING_DISPATCH, ASSIGNED, SUBMITTED, ARCHIVED
    status               varchar(20)    not null,
    assignee             varchar(255),
    rework_count         integer        not null default 0,
    -- Highest overdue warning level sent (0 = none), so each level is sent once.
    escalation_level     integer        not null default 0,
    -- JSON: rule, weights, chosen user and every candidate's score parts at assignment time.
    explanation          varchar(100000),
    process_instance_id  varchar(64),
    created_by           varchar(255),
    created_at           timestamp      not null,
    updated_at           timestamp      not null,
    submitted_at         timestamp,
    archived_at          timestamp,
    constraint uq_app_wo_number unique (number)
);
-- Load (open orders per assignee) and performance (archived orders per assignee) are aggregates on these.
create index ix_app_wo_assignee_status on app_wo_work_order (assignee, status);
create index ix_app_wo_status_due on app_wo_work_order (status, due_at);

create table app_wo_checklist_item (
    work_order_id  varchar(36)   not null,
    position       integer       not null,
    text           varchar(500)  not null,
    done           boolean       not null default false,
    primary key (work_order_id, position)
);

create table app_wo_assignment_audit (
    id             varchar(36)   not null primary key,
    work_order_id  varchar(36)   not null,
    -- AUTO (the scorer), DISPATCH (manual dispatch task), OVERRIDE (reassignment)
    kind           varchar(16)   not null,
    from_user      varchar(255),
    to_user        varchar(255),
    changed_by     varchar(255),
    reason         varchar(2000),
    changed_at     timestamp     not null
);
create index ix_app_wo_audit_order on app_wo_assignment_audit (work_order_id, changed_at);

-- The seed's emergency templates.
insert into app_wo_template (code, name, skills, checklist) values
    ('floor-repair', '地面维修', '["泥瓦"]', '["勘察现场","准备材料","施工","清理"]'),
    ('drain-unblocking', '管道疏通', '["水电"]', '["查明堵塞位置","疏通管道","通水测试","清理"]');

-- Message templates the work-order process sends; admins may edit them on the templates page.
insert into app_msg_template (id, code, channel_type, format, subject, body, message_type, urgent, created_at, updated_at) values
    ('6d0f3c1e-0000-4000-8000-0000000000a1', 'work-order-assigned', 'IN_APP', 'TEXT',
     'New work order ${workOrderNumber}: ${title}',
     '${title} at ${location}, due ${dueAt}. Open your task list to start.',
     'work-order-assigned', false, current_timestamp, current_timestamp),
    ('6d0f3c1e-0000-4000-8000-0000000000a2', 'work-order-overdue', 'EMAIL', 'HTML',
     'Overdue (level ${escalationLevel}): work order ${workOrderNumber} ${title}',
     '<p>Dear ${recipientName},</p><p>Work order <b>${workOrderNumber}</b> (${title}) at ${location} was due ${dueAt} and has not been submitted yet. It is assigned to ${assignee}.</p>',
     'work-order-overdue', true, current_timestamp, current_timestamp),
    ('6d0f3c1e-0000-4000-8000-0000000000a3', 'work-order-overdue', 'IN_APP', 'TEXT',
     'Overdue (level ${escalationLevel}): ${workOrderNumber} ${title}',
     'Work order ${workOrderNumber} at ${location} was due ${dueAt} and is not submitted. Assigned to ${assignee}.',
     'work-order-overdue', true, current_timestamp, current_timestamp),
    ('6d0f3c1e-0000-4000-8000-0000000000a4', 'work-order-submitted', 'IN_APP', 'TEXT',
     'Work order ${workOrderNumber} is ready for acceptance',
     '${assignee} submitted ${title} at ${location}. Check the photos and the checklist, then accept or reject it.',
     'work-order-submitted', false, current_timestamp, current_timestamp);
