-- Syndication partners (job boards, classifieds) and their API keys. A key is stored only as the
-- SHA-256 of its full text; its public prefix (pk_live_xxxxxxxx) finds the row.
create table partner (
    id            uuid primary key,
    name          varchar(120) not null,
    contact_email varchar(254) not null,
    -- comma-separated subset of JOBS_JSONLD, JOBS_XML, SERVICES_JSONLD, SERVICES_ATOM, CHANGES
    feeds         varchar(200) not null,
    created_at    timestamptz  not null
);

-- expires_at is set when a rotation puts the key in its grace period; revoked_at stops it at once.
create table partner_key (
    id          uuid primary key,
    partner_id  uuid         not null references partner (id) on delete cascade,
    prefix      varchar(16)  not null,
    key_hash    varchar(64)  not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz,
    revoked_at  timestamptz
);
create unique index partner_key_prefix_uq on partner_key (prefix);
create unique index partner_key_hash_uq on partner_key (key_hash);
create index partner_key_partner_idx on partner_key (partner_id);
