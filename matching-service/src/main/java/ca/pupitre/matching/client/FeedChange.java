package ca.pupitre.matching.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** matching's copy of listings' ChangeItem: an UPSERT carries the public listing, a TOMBSTONE only id, status and time. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedChange(long seq, UUID id, String op, String status, Instant changedAt, ListingDto listing) {

    public boolean upsert() {
        return "UPSERT".equals(op) && listing != null;
    }
}
