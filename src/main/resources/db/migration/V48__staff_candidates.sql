-- Active staff by skill, kept by the platform (decision 80): one row per skill of every enabled,
-- on-duty member of the staff group, with the time zone and hour map of their directory row, so that
-- assignment reads its candidates with one index-only scan instead of joining memberships, accounts
-- and directory rows of all staff. Rows are derived: the platform rewrites a user's rows in the
-- transaction that changes any of those facts, and corrects the whole table at startup (it is filled
-- then, not here, because Flowable may create its IDM tables after this migration).
create table app_staff_candidate (
    skill varchar(64) not null,
    user_id varchar(255) not null,
    time_zone varchar(64),
    shift_map varchar(168),
    primary key (skill, user_id)
);
create index ix_app_staff_candidate_rank on app_staff_candidate (skill, user_id, time_zone, shift_map);
create index ix_app_staff_candidate_user on app_staff_candidate (user_id);

-- One row that every rewrite locks first, so that two transactions changing facts of the same
-- person write the rows one after the other, the second from what the first committed.
create table app_staff_candidate_lock (id integer primary key);
insert into app_staff_candidate_lock (id) values (1);
