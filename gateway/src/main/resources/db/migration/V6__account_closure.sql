-- Issue 11 (Law 25): a person closes her account. The account row stays (its id is what other services'
-- records point to) but loses what identifies her; the erasure in listings, matching and billing is
-- tracked here until every service confirmed it, and repeated once after the last access token expired.
alter table account add column closed_at timestamptz;

create table account_closure (
    account_id        uuid        primary key references account (id),
    requested_at      timestamptz not null,
    listings_done_at  timestamptz,
    matching_done_at  timestamptz,
    final_pass_after  timestamptz not null,
    final_pass_at     timestamptz,
    attempts          integer     not null default 0,
    last_error        varchar(500)
);
create index account_closure_pending on account_closure (requested_at) where final_pass_at is null;
