-- Verified reviews: one per billing engagement with a paid invoice (checked with billing-service at write time).
create table review (
    id             uuid primary key,
    engagement_id  uuid          not null unique,
    client_id      uuid          not null,
    secretary_id   uuid          not null,
    stars          smallint      not null check (stars between 1 and 5),
    body           varchar(4000) not null,
    created_at     timestamptz   not null,
    answer         varchar(4000),
    answered_at    timestamptz,
    hidden         boolean       not null default false,
    hidden_reason  varchar(500),
    report_count   integer       not null default 0
);
create index review_secretary_idx on review (secretary_id, created_at);

create table review_report (
    review_id    uuid         not null references review (id),
    reporter_id  uuid         not null,
    reason       varchar(500),
    created_at   timestamptz  not null,
    primary key (review_id, reporter_id)
);
