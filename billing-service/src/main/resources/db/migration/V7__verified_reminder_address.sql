-- Issue 11: overdue reminders went to whatever address a client typed in her billing profile, so anyone
-- could aim them at a stranger. They now go only to an address the gateway verified: the typed one when it
-- is the account's verified address, else the account's verified address (both from the token at save
-- time). Profiles saved before this have none until saved again.
alter table billing_profile add column reminder_email varchar(254);
