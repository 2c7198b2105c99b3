package ca.pupitre.billing.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** billing's copy of matching-service's invitation (only what billing reads). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Invitation(UUID id, UUID requestId, UUID offerId, UUID clientId, UUID secretaryId, String state,
        Instant createdAt, Instant answeredAt) {

    public boolean isAccepted() {
        return "ACCEPTED".equals(state);
    }
}
