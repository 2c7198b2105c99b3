-- What a text the search index has never seen costs PostgreSQL (q=tenue de livres, 41,000 matches): the tsquery,
-- then every match with its score and the columns search filters on (ListingSearchRepository.load), from listing_search, in one snapshot.
select cast(listings.bilingual_tsquery('', string_to_array($g$fr:tenue de livres;fr:comptabilité;en:bookkeeping$g$, '|')) as text);
begin isolation level repeatable read read only;
select coalesce(max(seq), 0) from listings.listing_change;
select l.id, l.published_at, l.expires_at, l.pricing_amount, l.kind, l.region, l.remote, array_to_string(l.skills, ','), array_to_string(l.languages, ','), l.pricing_unit, ts_rank(l.search_document, cast($t$'tenu' & 'livr' | 'comptabilit' | 'bookkeep'$t$ as tsquery))::float8 from listings.listing_search l where l.search_document @@ cast($t$'tenu' & 'livr' | 'comptabilit' | 'bookkeep'$t$ as tsquery);
commit;
