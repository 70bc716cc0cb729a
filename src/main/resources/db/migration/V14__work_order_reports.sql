-- Monthly work-order reports (PDF), archived in the database so every node serves them and a backup
-- keeps them. Regenerating a month adds a version; earlier versions stay. The idempotency key makes
-- a retried timer job find the report it already made instead of adding one
-- (scheduled:<month> for the timer, manual:<month>:<version> for generation on demand).
create table app_wo_report (
    id               varchar(36)   not null primary key,
    report_month     varchar(7)    not null,
    version          integer       not null,
    idempotency_key  varchar(64)   not null,
    -- SCHEDULED (monthly timer) or MANUAL (generated on demand)
    trigger_kind     varchar(16)   not null,
    -- TEMPLATE (written from the figures) or LLM (the configured chat-completions endpoint)
    summary_source   varchar(16)   not null,
    zone             varchar(64)   not null,
    generated_at     timestamp     not null,
    generated_by     varchar(255),
    sha256           varchar(64)   not null,
    size_bytes       bigint        not null,
    pdf              bytea         not null,
    constraint uq_app_wo_report_key unique (idempotency_key),
    constraint uq_app_wo_report_version unique (report_month, version)
);
create index ix_app_wo_report_generated on app_wo_report (generated_at);
-- The report's figures are windows over these.
create index ix_app_wo_created on app_wo_work_order (created_at);
create index ix_app_wo_archived on app_wo_work_order (archived_at);
