-- Accounts of people (secretaries, clients, admins) and their rotating refresh tokens.
create table account (
    id            uuid primary key,
    email         varchar(254) not null,
    password_hash varchar(100) not null,
    display_name  varchar(120) not null,
    role          varchar(16)  not null check (role in ('SECRETARY', 'CLIENT', 'ADMIN')),
    locale        varchar(5)   not null check (locale in ('fr-CA', 'en-CA')),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);
create unique index account_email_uq on account (lower(email));

-- A refresh token is single use. Each use issues the next token of the same family; presenting a
-- used token again revokes the whole family (theft detection, RFC 6819 5.2.2.3).
create table refresh_token (
    id          uuid primary key,
    token_hash  varchar(64)    not null,
    family_id   uuid        not null,
    account_id  uuid        not null references account (id) on delete cascade,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create unique index refresh_token_hash_uq on refresh_token (token_hash);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_account_idx on refresh_token (account_id);
