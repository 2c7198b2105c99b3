-- Issue 11: a request published "anonymous" never tells a secretary its client's id through matches.
-- Existing requests are treated as anonymous until their next change arrives from the listings feed
-- (fails closed: the copy did not keep the flag before).
alter table listing_copy add column anonymous boolean not null default false;
update listing_copy set anonymous = true where kind = 'REQUEST';
