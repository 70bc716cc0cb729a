-- Load and performance per assignee, kept in the same transaction as every assignment and status
-- change (WorkOrderStore), so ranking reads one row per candidate instead of counting orders.
-- open = ASSIGNED or SUBMITTED; accepted = ARCHIVED; on time = archived and submitted by its due time.
-- See docs/decisions/0032-assignment-ranking-in-one-statement.md.
create table app_wo_staff_load (
    user_id              varchar(255) not null primary key,
    open_orders          bigint       not null default 0,
    accepted_orders      bigint       not null default 0,
    on_time_acceptances  bigint       not null default 0
);

insert into app_wo_staff_load (user_id, open_orders, accepted_orders, on_time_acceptances)
select assignee,
       sum(case when status in ('ASSIGNED', 'SUBMITTED') then 1 else 0 end),
       sum(case when status = 'ARCHIVED' then 1 else 0 end),
       sum(case when status = 'ARCHIVED' and submitted_at <= due_at then 1 else 0 end)
from app_wo_work_order
where assignee is not null
group by assignee;
