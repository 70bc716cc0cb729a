-- Recurring plans fired by one batch sweep (decision 76) instead of one process instance per plan.
-- The sweep claims ACTIVE plans whose next_due_at has come, oldest first: this index serves that claim.
create index ix_app_wo_plan_due on app_wo_plan (status, next_due_at);

-- A plan whose firing failed on its own stays due; the sweep leaves it alone until fire_retry_at and
-- fire_error says what happened (a reference to the server log, no internals).
alter table app_wo_plan add column fire_error varchar(500);
alter table app_wo_plan add column fire_retry_at timestamp;
