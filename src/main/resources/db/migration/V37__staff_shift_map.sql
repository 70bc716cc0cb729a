-- Assignment puts staff on shift first (decision 59). shift_map is the weekly schedule as 168
-- characters, one per hour from Monday 00:00 (1 worked the whole hour, 0 not at all, 2 partly), kept
-- with every change of the hours, so the ranking reads most people's shift from the row it joins
-- anyway. Null (rows from before) = look at the periods; the application fills it at start.
alter table app_staff add column shift_map varchar(168);
-- The periods, for partly worked hours and rows without a map: one index-only probe.
create index ix_app_staff_hours_shift on app_staff_hours (user_id, day_of_week, start_time, end_time);
