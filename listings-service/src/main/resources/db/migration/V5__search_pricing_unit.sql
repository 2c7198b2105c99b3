-- Search can filter by pricing unit (?unit=HOUR), so that minRate/maxRate compare like with like:
-- 35 $ an hour and 2 $ a page are not on one scale.
alter table listing_search add column pricing_unit varchar(16);
update listing_search s set pricing_unit = l.pricing_unit from listing l where l.id = s.id;
alter table listing_search alter column pricing_unit set not null;

create or replace function listing_search_copy() returns trigger language plpgsql set search_path from current as $$
begin
    if new.status = 'PUBLISHED' then
        insert into listing_search (id, kind, published_at, expires_at, pricing_unit, pricing_amount, skills, languages, region,
                                    remote, search_document, search_trgm)
        values (new.id, new.kind, new.published_at, new.expires_at, new.pricing_unit, new.pricing_amount, new.skills,
                new.languages, new.region, new.remote, new.search_document, new.search_trgm)
        on conflict (id) do update set
            kind = excluded.kind, published_at = excluded.published_at, expires_at = excluded.expires_at,
            pricing_unit = excluded.pricing_unit, pricing_amount = excluded.pricing_amount, skills = excluded.skills,
            languages = excluded.languages, region = excluded.region, remote = excluded.remote,
            search_document = excluded.search_document, search_trgm = excluded.search_trgm;
    else
        delete from listing_search where id = new.id;
    end if;
    return null;
end
$$;
