-- Versioned forms: the files in forms/ are loaded as versions at start-up and designers save new
-- versions in /design/forms. The primary key decides concurrent saves and two nodes seeding at once.

create table app_form_version (
    form_key    varchar(100)  not null,
    version     integer       not null,
    json        text          not null,
    comment     varchar(2000),
    created_by  varchar(255)  not null,
    created_at  timestamp     not null,
    primary key (form_key, version)
);
