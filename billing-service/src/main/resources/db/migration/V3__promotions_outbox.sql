-- Paid promotion ("À la une") and the outbox that tells listings-service once it is paid.

create table promotion (
    id             uuid primary key,
    listing_id     uuid         not null,
    secretary_id   uuid         not null,
    days           integer      not null check (days in (7, 30)),
    invoice_id     uuid         not null unique references invoice (id),
    state          varchar(16)  not null check (state in ('AWAITING_PAYMENT', 'PAID')),
    featured_until timestamptz,
    created_at     timestamptz  not null,
    paid_at        timestamptz
);
create index promotion_listing on promotion (listing_id, featured_until);
create index promotion_secretary on promotion (secretary_id, created_at);

-- One row per message to deliver; aggregate_id is unique per kind, so a paid promotion is
-- announced once. Delivery locks rows FOR UPDATE SKIP LOCKED, so two instances never send the same.
create table outbox (
    id              uuid primary key,
    kind            varchar(40)   not null,
    aggregate_id    uuid          not null,
    payload         varchar(2000) not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    delivered_at    timestamptz,
    gave_up_at      timestamptz,
    last_error      varchar(500),
    created_at      timestamptz   not null,
    unique (kind, aggregate_id)
);
create index outbox_due on outbox (next_attempt_at) where delivered_at is null and gave_up_at is null;
