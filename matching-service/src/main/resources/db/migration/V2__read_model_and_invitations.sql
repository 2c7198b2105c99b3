-- Matching's own copy of the listings it needs, fed by the listings change feed (never listings' tables).
create table listing_copy (
    id               uuid primary key,
    kind             varchar(8)     check (kind in ('OFFER', 'REQUEST')),
    owner_id         uuid,
    status           varchar(16)    not null,
    skills           text[]         not null default '{}',
    languages        text[]         not null default '{}',
    pricing_unit     varchar(16),
    amount           numeric(19, 2),
    currency         varchar(3),
    hours_per_week   integer,
    turnaround       varchar(32),
    remote           boolean        not null default false,
    region           varchar(2),
    confidentiality  varchar(16),
    published_at     timestamptz,
    expires_at       timestamptz,
    last_seq         bigint         not null,
    changed_at       timestamptz    not null
);
create index listing_copy_open_idx on listing_copy (kind, status);
create index listing_copy_owner_idx on listing_copy (owner_id);

-- Where each feed consumer resumes (one row per feed); updated in the same transaction as the changes it covers.
create table feed_cursor (
    name        varchar(32) primary key,
    cursor      varchar(256),
    last_seq    bigint      not null default 0,
    updated_at  timestamptz not null
);

create table invitation (
    id              uuid primary key,
    request_id      uuid          not null,
    offer_id        uuid          not null,
    client_id       uuid          not null,
    secretary_id    uuid          not null,
    state           varchar(16)   not null check (state in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    message         varchar(2000),
    decline_reason  varchar(500),
    created_at      timestamptz   not null,
    answered_at     timestamptz
);
create index invitation_client_idx on invitation (client_id, created_at);
create index invitation_secretary_idx on invitation (secretary_id, created_at);
create unique index invitation_one_pending_idx on invitation (request_id, offer_id) where state = 'PENDING';

create table invitation_message (
    id             uuid primary key,
    invitation_id  uuid          not null references invitation (id),
    author_id      uuid          not null,
    author_role    varchar(16)   not null check (author_role in ('SECRETARY', 'CLIENT')),
    body           varchar(2000) not null,
    created_at     timestamptz   not null
);
create index invitation_message_thread_idx on invitation_message (invitation_id, created_at);

-- A secretary's block of a client: no more invitations, no matches either way.
create table client_block (
    secretary_id  uuid        not null,
    client_id     uuid        not null,
    created_at    timestamptz not null,
    primary key (secretary_id, client_id)
);
create index client_block_client_idx on client_block (client_id);
