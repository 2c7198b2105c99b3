-- Issue 11: a daily cap of alert e-mails per recipient address, whatever the number of alerts or accounts
-- pointing at it. One row per e-mail sent.
create table alert_mail_sent (
    recipient varchar(320) not null,
    sent_at   timestamptz  not null
);
create index alert_mail_sent_by_recipient on alert_mail_sent (lower(recipient), sent_at);
