-- A client's recommendation of a secretary (one per client and secretary), shared as a code or link.
create table referral (
    code          varchar(16) primary key,
    client_id     uuid        not null,
    secretary_id  uuid        not null,
    created_at    timestamptz not null,
    unique (client_id, secretary_id)
);
create index referral_secretary_idx on referral (secretary_id);

-- A paid engagement that a referral led to, reported by billing: counted once per engagement.
create table referral_conversion (
    engagement_id  uuid        primary key,
    code           varchar(16) not null references referral (code),
    converted_at   timestamptz not null
);
create index referral_conversion_code_idx on referral_conversion (code);
