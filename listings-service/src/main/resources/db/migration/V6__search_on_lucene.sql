-- Search moved to Apache Lucene, in process (search/ListingIndex): PostgreSQL keeps the listings and the
-- change feed the index is built and kept exact from, and no longer does any full-text work. What only
-- the PostgreSQL full-text search used goes: the narrow copy listing_search and its trigger, the tsvector
-- and trigram columns with their trigger, the skill texts the service wrote for them, and the tsquery
-- function.
drop trigger listing_search_copy on listing;
drop function listing_search_copy();
drop table listing_search;

drop trigger listing_search_refresh on listing;
drop function listing_search_refresh();
drop function bilingual_tsquery(text, text[]);

alter table listing
    drop column search_document,
    drop column search_trgm,
    drop column skills_text_fr,
    drop column skills_text_en,
    drop column skill_labels;
