-- Expiring-listing reminders: one per listing and expiry date (a renewed listing gets a new one next time).
create table listing_reminder (
    listing_id  uuid        not null,
    expires_at  timestamptz not null,
    sent_at     timestamptz not null,
    primary key (listing_id, expires_at)
);

-- One-click unsubscribe from expiry reminders, per person (the address itself comes from their alerts).
create table reminder_subscription (
    owner_id           uuid        primary key,
    unsubscribe_token  varchar(64) not null unique,
    unsubscribed_at    timestamptz
);
