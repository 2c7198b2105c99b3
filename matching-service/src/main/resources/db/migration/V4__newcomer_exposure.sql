-- How often each newcomer was shown in a client's top results: promoted slots go to the least shown first.
create table newcomer_exposure (
    secretary_id     uuid        primary key,
    exposures        integer     not null,
    last_exposed_at  timestamptz not null
);
