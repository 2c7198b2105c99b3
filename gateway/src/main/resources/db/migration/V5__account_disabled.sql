-- Issue 11: an admin disables an account (and enables it again), with the reason recorded. While it is
-- disabled its person cannot sign in, every session is revoked, and listings hides its listings.
alter table account add column disabled_at     timestamptz;
alter table account add column disabled_reason varchar(500);
alter table account add column disabled_by     uuid;
