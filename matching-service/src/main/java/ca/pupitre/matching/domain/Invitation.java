package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client's invitation of a secretary's offer to one of the client's requests. */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "offer_id", nullable = false)
    public UUID offerId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "secretary_id", nullable = false)
    public UUID secretaryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvitationState state;

    public String message;

    /** The secretary's own note on a decline; never shown to the client. */
    @Column(name = "decline_reason")
    public String declineReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    /** Moves to {@code next}; false (nothing changed) when that is not a legal transition. */
    public boolean moveTo(InvitationState next, Instant at) {
        if (!state.canBecome(next)) {
            return false;
        }
        state = next;
        answeredAt = at;
        return true;
    }

    public boolean party(UUID personId) {
        return clientId.equals(personId) || secretaryId.equals(personId);
    }
}
