-- Overdue reminders sent to clients: one row per invoice and stage (1 = due date + 1 day,
-- 15 = due date + 15 days), inserted in the sending transaction so a reminder goes out once.
create table invoice_reminder (
    invoice_id uuid         not null references invoice (id),
    stage      integer      not null check (stage in (1, 15)),
    sent_at    timestamptz  not null,
    recipient  varchar(254),
    primary key (invoice_id, stage)
);
