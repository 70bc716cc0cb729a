-- Staff directory: the working side of a staff member beside the account. No row = on duty, time
-- zone UTC, no working hours. Contact channels (e-mail, phone, IM/webhook id) stay in Flowable IDM
-- (user e-mail, user info 'phone' and 'imId'), where the messaging center reads them; team
-- membership stays in the IDM team groups. See docs/decisions/0030-staff-directory-storage.md.
create table app_staff (
    user_id     varchar(255)  not null primary key,
    -- On duty (true) or on leave (false); separate from the account being enabled.
    on_duty     boolean       not null default true,
    time_zone   varchar(64)   not null default 'UTC',
    -- Optimistic lock: every change sends the version it read and gets 409 when it is stale.
    version     integer       not null default 0,
    updated_by  varchar(255),
    updated_at  timestamp     not null default current_timestamp
);

-- The weekly schedule: one row per working period, e.g. MONDAY 08:00-17:00, in the staff member's
-- time zone. Periods of one day do not overlap; end_time is after start_time ('24:00' ends the day).
create table app_staff_hours (
    user_id      varchar(255) not null,
    day_of_week  integer      not null,
    start_time   varchar(5)   not null,
    end_time     varchar(5)   not null,
    primary key (user_id, day_of_week, start_time)
);

-- Assignment finds candidates by skill: look skills up by name, not only by user.
create index ix_app_user_skill_skill on app_user_skill (skill, user_id);
