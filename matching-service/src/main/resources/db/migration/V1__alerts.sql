-- Saved searches: a secretary watches for requests, a client for offers.
create table alert (
    id           uuid primary key,
    owner_id     uuid         not null,
    owner_role   varchar(16)  not null check (owner_role in ('SECRETARY', 'CLIENT')),
    name         varchar(120) not null,
    query_text   varchar(200),
    skills       text[]       not null default '{}',
    languages    text[]       not null default '{}',
    region       varchar(2),
    remote_only  boolean      not null default false,
    frequency    varchar(16)  not null check (frequency in ('IMMEDIATE', 'DAILY')),
    language     varchar(2)   not null check (language in ('fr', 'en')),
    created_at   timestamptz  not null
);
create index alert_owner_idx on alert (owner_id, created_at);
