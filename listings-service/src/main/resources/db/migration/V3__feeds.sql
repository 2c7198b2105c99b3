-- Syndication (issue 4): what partner feeds served and what their clicks brought back.
-- Counters are aggregated per day so a 100,000-listing feed costs one row update per response, never
-- one per listing. partner_id is the gateway's partner UUID; the nil UUID stands for "no partner"
-- (a visit without a valid partner parameter, counted as source "direct").

-- One row per partner, feed and day: how many responses (serves) and how many listings in them (items).
create table feed_impression (
    partner_id uuid        not null,
    feed       varchar(32) not null,
    day        date        not null,
    serves     bigint      not null,
    items      bigint      not null,
    primary key (partner_id, feed, day)
);

-- Per-listing impressions, from the delta feed only (one batched upsert per response; snapshots are
-- counted in feed_impression only: a per-listing row update for 100,000 listings per pull is too heavy).
create table listing_impression (
    listing_id  uuid   not null references listing (id),
    partner_id  uuid   not null,
    day         date   not null,
    impressions bigint not null,
    primary key (listing_id, partner_id, day)
);
create index listing_impression_partner on listing_impression (partner_id, listing_id);

-- Clicks on syndicated URLs (GET /api/v1/listings/{id}/visit?partner=...).
create table listing_click (
    listing_id uuid   not null references listing (id),
    partner_id uuid   not null,
    day        date   not null,
    clicks     bigint not null,
    primary key (listing_id, partner_id, day)
);
create index listing_click_partner on listing_click (partner_id, listing_id);
