-- Listings: secretaries' offers and clients' requests, their history, reports and change feed.
-- Extensions unaccent and pg_trgm are created in schema public by the database bootstrap (superuser);
-- this migration only uses them, always schema-qualified.

create table listing (
    id                 uuid primary key,
    kind               varchar(16)  not null check (kind in ('OFFER', 'REQUEST')),
    owner_id           uuid         not null,
    status             varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'EXPIRED', 'CLOSED', 'HIDDEN')),
    hidden_from_status varchar(16),
    title_fr           varchar(160),
    title_en           varchar(160),
    description_fr     varchar(8000),
    description_en     varchar(8000),
    skills             text[]       not null,
    languages          text[]       not null,
    -- labels and synonyms of the skills, per language, written by the service (search weight B)
    skills_text_fr     text         not null,
    skills_text_en     text         not null,
    -- skill labels only (fr and en), for typo matching with titles (short text keeps word_similarity cheap)
    skill_labels       text         not null default '',
    pricing_unit       varchar(16)  not null check (pricing_unit in ('HOUR', 'PAGE', 'THOUSAND_WORDS', 'AUDIO_MINUTE', 'FIXED')),
    pricing_amount     numeric(19, 2) not null check (pricing_amount > 0),
    currency           varchar(3)   not null default 'CAD' check (currency = 'CAD'),
    hours_per_week     integer check (hours_per_week between 1 and 80),
    turnaround         varchar(32),
    remote             boolean      not null,
    region             varchar(2) check (region ~ '^(0[1-9]|1[0-7])$'),
    start_date         date,
    confidentiality    varchar(16)  not null check (confidentiality in ('NONE', 'LEGAL', 'MEDICAL', 'NOTARIAL')),
    public_name        varchar(80),
    anonymous          boolean      not null default false,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    published_at       timestamptz,
    expires_at         timestamptz,
    closed_reason      varchar(16),
    hidden_reason      varchar(500),
    featured_until     timestamptz,
    version            bigint       not null,
    -- maintained by trigger listing_search_refresh (never written by the application)
    search_document    tsvector     not null default ''::tsvector,
    search_trgm        text         not null default '',
    constraint listing_has_title check (title_fr is not null or title_en is not null)
);

create function listing_search_refresh() returns trigger language plpgsql as $$
begin
    new.search_document :=
           setweight(to_tsvector('french',  public.unaccent(coalesce(new.title_fr, ''))), 'A')
        || setweight(to_tsvector('english', public.unaccent(coalesce(new.title_en, ''))), 'A')
        || setweight(to_tsvector('french',  public.unaccent(new.skills_text_fr)), 'B')
        || setweight(to_tsvector('english', public.unaccent(new.skills_text_en)), 'B')
        || setweight(to_tsvector('french',  public.unaccent(coalesce(new.description_fr, ''))), 'C')
        || setweight(to_tsvector('english', public.unaccent(coalesce(new.description_en, ''))), 'C');
    new.search_trgm := lower(public.unaccent(concat_ws(' ', new.title_fr, new.title_en, new.skill_labels)));
    return new;
end
$$;

create trigger listing_search_refresh
    before insert or update of title_fr, title_en, description_fr, description_en, skills_text_fr, skills_text_en, skill_labels
    on listing for each row execute function listing_search_refresh();

-- The search query: the user's text parsed as websearch in both configurations, AND each synonym
-- group. A group is 'fr:phrase;fr:phrase;en:phrase' (the names of one skill, normalized): each phrase
-- is parsed in its own language only, words ANDed (plainto), the phrases ORed. Plain AND keeps @@ and
-- ts_rank_cd cheap; phrase operators over a dozen alternatives cost ~20x more per row.
create function bilingual_tsquery(q text, synonym_groups text[]) returns tsquery
    language plpgsql stable as $$
declare
    result tsquery;
    grp    text;
    phrase text;
    part   tsquery;
    one    tsquery;
begin
    result := websearch_to_tsquery('french', public.unaccent(coalesce(q, '')))
           || websearch_to_tsquery('english', public.unaccent(coalesce(q, '')));
    foreach grp in array coalesce(synonym_groups, '{}'::text[]) loop
        part := ''::tsquery;
        foreach phrase in array string_to_array(grp, ';') loop
            if left(phrase, 3) = 'en:' then
                one := plainto_tsquery('english', public.unaccent(substr(phrase, 4)));
            else
                one := plainto_tsquery('french', public.unaccent(substr(phrase, 4)));
            end if;
            part := part || one;
        end loop;
        result := result && part;
    end loop;
    return result;
end
$$;

create index listing_search_document on listing using gin (search_document);
create index listing_search_trgm on listing using gin (search_trgm public.gin_trgm_ops);
create index listing_skills on listing using gin (skills);
create index listing_published_newest on listing (published_at desc, id desc) where status = 'PUBLISHED';
create index listing_published_rate on listing (pricing_amount, id) where status = 'PUBLISHED';
create index listing_published_expiry on listing (expires_at) where status = 'PUBLISHED';
create index listing_owner on listing (owner_id, created_at desc, id desc);

-- Every state change: who, when, from, to, why.
create table listing_event (
    id          bigint generated always as identity primary key,
    listing_id  uuid         not null references listing (id),
    actor       varchar(200) not null,
    at          timestamptz  not null,
    from_status varchar(16),
    to_status   varchar(16)  not null,
    reason      varchar(500)
);
create index listing_event_listing on listing_event (listing_id, id);

-- One report per user per listing.
create table listing_report (
    id          uuid primary key,
    listing_id  uuid          not null references listing (id),
    reporter    varchar(200)  not null,
    reason      varchar(32)   not null check (reason in ('SPAM', 'SCAM', 'NO_LONGER_RELEVANT', 'MISCATEGORIZED')),
    comment     varchar(1000),
    created_at  timestamptz   not null,
    resolved_at timestamptz,
    constraint listing_report_once unique (listing_id, reporter)
);

-- The change feed. Rows are inserted in the same transaction as the change, after
-- pg_advisory_xact_lock(LOCK), so seq order is commit order (see README).
create sequence listing_change_seq;
create table listing_change (
    seq        bigint primary key default nextval('listing_change_seq'),
    listing_id uuid        not null,
    op         varchar(16) not null check (op in ('UPSERT', 'TOMBSTONE')),
    status     varchar(16) not null,
    changed_at timestamptz not null
);
create index listing_change_listing on listing_change (listing_id);
