-- Alert e-mails: the recipient comes from the creator's access token (email claim); alerts created before this
-- migration have none and are skipped. last_sent_seq is the high-water mark (largest listing_copy.last_seq already
-- considered); alert_delivery remembers every listing already mailed for an alert so nothing is sent twice.
alter table alert add column email varchar(320);
alter table alert add column recipient_name varchar(200);
alter table alert add column unsubscribe_token varchar(64);
alter table alert add column last_sent_seq bigint not null default 0;
alter table alert add column last_run_at timestamptz;
create unique index alert_unsubscribe_token_idx on alert (unsubscribe_token);

create table alert_delivery (
    alert_id    uuid        not null references alert (id) on delete cascade,
    listing_id  uuid        not null,
    sent_at     timestamptz not null,
    primary key (alert_id, listing_id)
);

-- Titles of the listings in matching's copy (alert words are matched against them).
alter table listing_copy add column title_fr varchar(300);
alter table listing_copy add column title_en varchar(300);
