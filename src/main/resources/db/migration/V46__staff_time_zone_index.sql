-- Assignment asks once per call which time zones the staff directory uses (decision 59). With this
-- index the question is a skip scan (one index probe per zone in use) instead of reading all
-- 10,000 directory rows. See docs/decisions/0071-assignment-statement-shape.md.
create index ix_app_staff_time_zone on app_staff (time_zone);
