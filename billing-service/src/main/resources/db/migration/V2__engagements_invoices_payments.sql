-- Tax profiles, engagements, time entries, invoices and credit notes, payments, idempotency, audit.
-- Money is numeric(19,2) with a currency column on every row that carries an amount.

create table billing_profile (
    user_id              uuid primary key,
    kind                 varchar(16)   not null check (kind in ('SECRETARY', 'CLIENT')),
    legal_name           varchar(200)  not null,
    address              varchar(500)  not null,
    province             varchar(2)    not null,
    small_supplier       boolean       not null default false,
    gst_number           varchar(20),
    qst_number           varchar(20),
    payment_instructions varchar(1000),
    email                varchar(254),
    updated_at           timestamptz   not null
);

create table engagement (
    id              uuid primary key,
    invitation_id   uuid          not null unique,
    request_id      uuid,
    offer_id        uuid,
    client_id       uuid          not null,
    secretary_id    uuid          not null,
    pricing_type    varchar(16)   not null check (pricing_type in ('HOURLY', 'FIXED', 'PER_UNIT')),
    unit            varchar(32),
    rate            numeric(19,2) not null,
    currency        varchar(3)    not null,
    terms           varchar(8)    not null check (terms in ('NET_15', 'NET_30')),
    state           varchar(8)    not null check (state in ('ACTIVE', 'ENDED')),
    created_at      timestamptz   not null,
    ended_at        timestamptz
);
create index engagement_client on engagement (client_id);
create index engagement_secretary on engagement (secretary_id);

create table time_entry (
    id            uuid primary key,
    engagement_id uuid          not null references engagement (id),
    work_date     date          not null,
    minutes       integer       not null check (minutes >= 0),
    units         numeric(19,2),
    description   varchar(1000) not null,
    state         varchar(16)   not null check (state in ('SUBMITTED', 'APPROVED', 'DISPUTED')),
    invoice_id    uuid,
    created_at    timestamptz   not null,
    answered_at   timestamptz
);
create index time_entry_engagement on time_entry (engagement_id, work_date);

create table time_entry_comment (
    id          uuid primary key,
    entry_id    uuid          not null references time_entry (id),
    author_id   uuid          not null,
    author_role varchar(16)   not null,
    body        varchar(2000) not null,
    created_at  timestamptz   not null
);
create index time_entry_comment_entry on time_entry_comment (entry_id, created_at);

-- Invoices and credit notes share one table (kind); issued rows are never updated except for
-- their state and the paid/credited totals (see README, invariants).
create table invoice (
    id                  uuid primary key,
    kind                varchar(12)   not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
    engagement_id       uuid references engagement (id),
    issuer_id           uuid          not null,
    client_id           uuid          not null,
    number              varchar(24),
    state               varchar(16)   not null,
    currency            varchar(3)    not null,
    terms               varchar(8),
    issue_date          date,
    due_date            date,
    issued_at           timestamptz,
    supplier_name       varchar(200),
    supplier_address    varchar(500),
    supplier_gst        varchar(20),
    supplier_qst        varchar(20),
    supplier_registered boolean,
    client_name         varchar(200),
    client_address      varchar(500),
    client_province     varchar(2),
    subtotal            numeric(19,2) not null,
    tax_total           numeric(19,2) not null,
    total               numeric(19,2) not null,
    paid_total          numeric(19,2) not null,
    credited_total      numeric(19,2) not null,
    credited_invoice_id uuid references invoice (id),
    reason              varchar(1000),
    created_at          timestamptz   not null,
    unique (issuer_id, kind, number)
);
create index invoice_issuer on invoice (issuer_id, created_at);
create index invoice_client on invoice (client_id, created_at);

create table invoice_line (
    id            uuid primary key,
    invoice_id    uuid          not null references invoice (id),
    position      integer       not null,
    description   varchar(1000) not null,
    quantity      numeric(19,2) not null,
    unit          varchar(32)   not null,
    unit_price    numeric(19,2) not null,
    amount        numeric(19,2) not null,
    currency      varchar(3)    not null,
    time_entry_id uuid references time_entry (id)
);
create index invoice_line_invoice on invoice_line (invoice_id, position);

create table invoice_tax (
    id         uuid primary key,
    invoice_id uuid          not null references invoice (id),
    code       varchar(3)    not null,
    rate       numeric(9,5)  not null,
    amount     numeric(19,2) not null,
    currency   varchar(3)    not null
);
create index invoice_tax_invoice on invoice_tax (invoice_id);

-- One row per issuer, series (INVOICE or CREDIT_NOTE) and year, locked FOR UPDATE by the issuing
-- transaction: a number is taken only when that transaction commits, so there are no gaps.
create table invoice_counter (
    issuer_id  uuid        not null,
    series     varchar(12) not null,
    year       integer     not null,
    last_value integer     not null,
    primary key (issuer_id, series, year)
);

create table payment (
    id                uuid primary key,
    invoice_id        uuid          not null references invoice (id),
    amount            numeric(19,2) not null check (amount > 0),
    currency          varchar(3)    not null,
    method            varchar(8)    not null check (method in ('INTERAC', 'CHEQUE', 'CARD', 'OTHER')),
    reference         varchar(200),
    received_on       date          not null,
    source            varchar(8)    not null check (source in ('MANUAL', 'WEBHOOK')),
    provider_event_id varchar(200) unique,
    recorded_by       varchar(100)  not null,
    created_at        timestamptz   not null
);
create index payment_invoice on payment (invoice_id);

create table idempotency_record (
    caller       varchar(100)  not null,
    idem_key     varchar(200)  not null,
    request_hash varchar(64)   not null,
    state        varchar(12)   not null check (state in ('IN_FLIGHT', 'DONE')),
    status       integer,
    body         text,
    location     varchar(500),
    created_at   timestamptz   not null,
    primary key (caller, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);

create table audit_event (
    id          bigserial primary key,
    at          timestamptz  not null,
    actor       varchar(100) not null,
    action      varchar(40)  not null,
    object_type varchar(20)  not null,
    object_id   uuid         not null,
    detail      varchar(2000)
);
create index audit_event_object on audit_event (object_id, at);
