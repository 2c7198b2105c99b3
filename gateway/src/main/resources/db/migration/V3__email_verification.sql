-- Issue 11: verified e-mail addresses. A person proves the address by a single-use link (24 h); only the
-- SHA-256 of each token is stored. Existing accounts start unverified (the admin is verified at start).
alter table account add column email_verified_at timestamptz;

create table email_token (
    id          uuid primary key,
    account_id  uuid        not null references account (id) on delete cascade,
    purpose     varchar(16) not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash  varchar(64) not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index email_token_by_account on email_token (account_id, purpose, created_at desc);
