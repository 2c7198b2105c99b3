-- Issue 11: a payment the secretary records herself counts toward a review only once the client confirms it
-- (a provider's webhook or an admin's record counts as is).
alter table payment add column confirmed_by_client_at timestamptz;
