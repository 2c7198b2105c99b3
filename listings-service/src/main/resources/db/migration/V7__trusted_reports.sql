-- Issue 11: throwaway accounts must not hide a listing. A report counts toward the automatic hiding only
-- when its author's account was old enough when it reported (the gateway's account_created claim);
-- reports filed before this migration do not count (fails closed: they stay visible to admins).
alter table listing_report add column counts_toward_hiding boolean not null default false;
create index listing_report_by_reporter on listing_report (reporter, created_at);
