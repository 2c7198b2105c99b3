package ca.pupitre.gateway.partner;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;

/** A partner as admins read it; keys by prefix only. */
public record PartnerView(UUID id, String name, String contactEmail, SortedSet<Feed> feeds, Instant createdAt,
        List<PartnerKeyView> keys) {
}
