-- Recurring work-order plans (周期任务): a plan makes one ordinary work order per location per cycle.
-- Timestamps are UTC; a plan's own dates and time of day are read in its time zone (zone).
create table app_wo_plan (
    id                   varchar(36)    not null primary key,
    title                varchar(200)   not null,
    template_code        varchar(64),
    -- JSON arrays of strings, like the work orders' skills and checklist.
    skills               varchar(2000)  not null,
    checklist            varchar(8000)  not null,
    locations            varchar(8000)  not null,
    -- DAYS (every cycle_days days at time_of_day) or CRON (Quartz cron expression)
    cycle_kind           varchar(8)     not null,
    cycle_days           integer,
    cron                 varchar(200),
    time_of_day          varchar(5)     not null,
    start_date           date           not null,
    end_date             date,
    zone                 varchar(64)    not null,
    -- ISO-8601 duration each generated order has until it is due, e.g. PT8H
    due_after            varchar(32)    not null,
    priority             integer        not null,
    -- ACTIVE, PAUSED, ENDED
    status               varchar(8)     not null,
    version              integer        not null,
    next_due_at          timestamp,
    process_instance_id  varchar(64),
    created_by           varchar(255),
    created_at           timestamp      not null,
    updated_by           varchar(255),
    updated_at           timestamp      not null
);
create index ix_app_wo_plan_status on app_wo_plan (status, title);

-- Every cycle a plan reached: GENERATED (its orders exist) or SKIPPED (missed during downtime, see
-- docs/decisions/0020-recurring-plan-timers-and-misfires.md).
create table app_wo_plan_cycle (
    plan_id      varchar(36)  not null,
    cycle_at     timestamp    not null,
    outcome      varchar(10)  not null,
    recorded_at  timestamp    not null,
    primary key (plan_id, cycle_at)
);

-- The final guard of "exactly once per cycle": one order per plan, cycle time and location, whichever
-- node or retry gets there; a second insert fails and rolls its whole transaction back.
create table app_wo_plan_order (
    plan_id        varchar(36)   not null,
    cycle_at       timestamp     not null,
    location       varchar(200)  not null,
    work_order_id  varchar(36)   not null,
    constraint pk_app_wo_plan_order primary key (plan_id, cycle_at, location)
);
create index ix_app_wo_plan_order_order on app_wo_plan_order (work_order_id);

-- Who changed a plan, when and what: CREATED, EDITED, PAUSED, RESUMED, ENDED (append-only).
create table app_wo_plan_audit (
    id          varchar(36)    not null primary key,
    plan_id     varchar(36)    not null,
    action      varchar(16)    not null,
    changed_by  varchar(255),
    changed_at  timestamp      not null,
    detail      varchar(4000)
);
create index ix_app_wo_plan_audit_plan on app_wo_plan_audit (plan_id, changed_at);
