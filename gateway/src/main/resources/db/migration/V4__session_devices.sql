-- Issue 11: people see their sessions (device, created, last used) and end them. The device is the
-- User-Agent of the sign-in, kept by every token of the session's family.
alter table refresh_token add column user_agent varchar(200);
create index refresh_token_by_account on refresh_token (account_id) where revoked_at is null and used_at is null;
