-- The referral code (matching-service) an engagement started from, if any; billing reports the
-- engagement's first paid invoice to matching once, through the outbox (kind REFERRAL_CONVERSION).
alter table engagement add column referral_code varchar(64);
