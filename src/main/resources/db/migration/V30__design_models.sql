-- Design studio: BPMN models edited in /design, every saved version kept, and what was deployed
-- from which version with the designer's comment. The XML is stored exactly as saved (round-trip safe).

create table app_design_model (
    id              varchar(36)   not null primary key,
    name            varchar(200)  not null,
    process_key     varchar(255)  not null,
    latest_version  integer       not null,
    created_by      varchar(255)  not null,
    created_at      timestamp     not null,
    updated_by      varchar(255)  not null,
    updated_at      timestamp     not null
);
create index app_design_model_key on app_design_model (process_key);

create table app_design_model_version (
    model_id    varchar(36)   not null references app_design_model (id),
    version     integer       not null,
    xml         text          not null,
    saved_by    varchar(255)  not null,
    saved_at    timestamp     not null,
    primary key (model_id, version)
);

create table app_design_deployment (
    id                      varchar(36)   not null primary key,
    model_id                varchar(36)   not null references app_design_model (id),
    model_version           integer       not null,
    deployment_id           varchar(64)   not null,
    process_definition_id   varchar(255)  not null,
    definition_version      integer       not null,
    comment                 varchar(2000),
    deployed_by             varchar(255)  not null,
    deployed_at             timestamp     not null
);
create index app_design_deployment_model on app_design_deployment (model_id);
create index app_design_deployment_definition on app_design_deployment (process_definition_id);
