-- Doing the work: the start of the work, single checklist ticks (who and when), the assignee's notes,
-- and the photos, stored in the database (outside the web root, shared by every node). Photos belong
-- to a round: 0 for the first submission, n after the n-th rejection. Timestamps are UTC.

alter table app_wo_work_order add column started_at timestamp;
alter table app_wo_work_order add column started_by varchar(255);
alter table app_wo_work_order add column work_notes varchar(4000);

alter table app_wo_checklist_item add column done_by varchar(255);
alter table app_wo_checklist_item add column done_at timestamp;

create table app_wo_photo (
    id              varchar(36)      not null primary key,
    work_order_id   varchar(36)      not null,
    rework_round    integer          not null,
    file_name       varchar(255)     not null,
    -- Recognised from the content (magic bytes), never from the name or the browser.
    content_type    varchar(64)      not null,
    size_bytes      bigint           not null,
    content         bytea            not null,
    -- From the EXIF GPS tags, only when opsflow.workorder.photos.keep-location is true.
    latitude        double precision,
    longitude       double precision,
    uploaded_by     varchar(255)     not null,
    uploaded_at     timestamp        not null
);
create index ix_app_wo_photo_order on app_wo_photo (work_order_id, rework_round, uploaded_at);

-- The assignee also hears on their contact channel (e-mail), the supervisors get the link to the acceptance.
update app_msg_template set body = '${assignee} submitted ${title} at ${location}. Check the photos and the checklist, then accept or reject it: /work-orders/${workOrderId}'
    where id = '6d0f3c1e-0000-4000-8000-0000000000a4';
update app_msg_template set body = '${title} at ${location}, due ${dueAt}. Open /work-orders/${workOrderId} and tap Start.'
    where id = '6d0f3c1e-0000-4000-8000-0000000000a1';
insert into app_msg_template (id, code, channel_type, format, subject, body, message_type, urgent, created_at, updated_at) values
    ('6d0f3c1e-0000-4000-8000-0000000000b1', 'work-order-assigned', 'EMAIL', 'HTML',
     'New work order ${workOrderNumber}: ${title}',
     '<p>Dear ${recipientName},</p><p>Work order <b>${workOrderNumber}</b> (${title}) at ${location} is yours, due ${dueAt}.</p><p>Open <a href="/work-orders/${workOrderId}">/work-orders/${workOrderId}</a> in Opsflow and tap Start.</p>',
     'work-order-assigned', false, current_timestamp, current_timestamp),
    ('6d0f3c1e-0000-4000-8000-0000000000b2', 'work-order-submitted', 'EMAIL', 'HTML',
     'Work order ${workOrderNumber} is ready for acceptance',
     '<p>Dear ${recipientName},</p><p>${assignee} submitted <b>${workOrderNumber}</b> (${title}) at ${location}.</p><p>Check the photos and the checklist, then accept or reject it: <a href="/work-orders/${workOrderId}">/work-orders/${workOrderId}</a>.</p>',
     'work-order-submitted', false, current_timestamp, current_timestamp);
