-- Search reads only published listings and a handful of columns, but the listing rows carry both
-- descriptions inline (1.7 kB on average): loading the matches of a broad text scanned 164 MB of heap
-- for 100,000 listings. listing_search is a narrow copy of the published ones (~1 kB with the tsvector
-- inline), kept by trigger in the same transaction as every listing write, so search never lags it.
-- Measured on the benchmark data: loading the 41,000 matches of "tenue de livres" with their ts_rank
-- takes 62 ms here against 154 ms on listing.
create table listing_search (
    id              uuid           primary key references listing (id) on delete cascade,
    kind            varchar(16)    not null,
    published_at    timestamptz,
    expires_at      timestamptz,
    pricing_amount  numeric(19, 2) not null,
    skills          text[]         not null,
    languages       text[]         not null,
    region          varchar(2),
    remote          boolean        not null,
    search_document tsvector       not null,
    search_trgm     text           not null
);

-- "set search_path from current" binds the table names to this schema, whatever the writer's search_path.
create function listing_search_copy() returns trigger language plpgsql set search_path from current as $$
begin
    if new.status = 'PUBLISHED' then
        insert into listing_search (id, kind, published_at, expires_at, pricing_amount, skills, languages, region, remote,
                                    search_document, search_trgm)
        values (new.id, new.kind, new.published_at, new.expires_at, new.pricing_amount, new.skills, new.languages, new.region,
                new.remote, new.search_document, new.search_trgm)
        on conflict (id) do update set
            kind = excluded.kind, published_at = excluded.published_at, expires_at = excluded.expires_at,
            pricing_amount = excluded.pricing_amount, skills = excluded.skills, languages = excluded.languages,
            region = excluded.region, remote = excluded.remote, search_document = excluded.search_document,
            search_trgm = excluded.search_trgm;
    else
        delete from listing_search where id = new.id;
    end if;
    return null;
end
$$;

-- AFTER, so it copies what listing_search_refresh (BEFORE) computed.
create trigger listing_search_copy
    after insert or update on listing
    for each row execute function listing_search_copy();

insert into listing_search (id, kind, published_at, expires_at, pricing_amount, skills, languages, region, remote,
                            search_document, search_trgm)
select id, kind, published_at, expires_at, pricing_amount, skills, languages, region, remote, search_document, search_trgm
from listing where status = 'PUBLISHED';

-- Only search used these indexes of listing (listing_published_newest and listing_published_expiry serve
-- feeds and expiry); search's own are on listing_search.
drop index listing_search_document;
drop index listing_search_trgm;
drop index listing_skills;
drop index listing_published_rate;
drop index listing_published_region_newest;
create index listing_search_document_gin on listing_search using gin (search_document);
create index listing_search_trgm_gin on listing_search using gin (search_trgm public.gin_trgm_ops);
