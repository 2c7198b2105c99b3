-- Region filters (the second most used after skills) walk this index newest-first instead of
-- filtering the newest index row by row.
create index listing_published_region_newest on listing (region, published_at desc, id desc) where status = 'PUBLISHED';
