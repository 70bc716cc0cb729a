-- Login state kept beside Flowable IDM's ACT_ID_USER, shared by every node of a cluster.
create table app_account (
    user_id          varchar(255) not null primary key,
    disabled         boolean      not null default false,
    failed_logins    integer      not null default 0,
    locked_until     timestamp,
    last_login_at    timestamp,
    updated_at       timestamp    not null default current_timestamp
);

-- Skills of staff members (e.g. 电工, 水电, 绿化): data, not code.
create table app_user_skill (
    user_id  varchar(255) not null,
    skill    varchar(64)  not null,
    primary key (user_id, skill)
);
