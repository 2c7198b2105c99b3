package ca.pupitre.matching.api;

import ca.pupitre.matching.domain.Invitation;
import ca.pupitre.matching.domain.InvitationState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invitation; {@code declineReason} only for the secretary who wrote it. */
public record InvitationView(UUID id, UUID requestId, UUID offerId, UUID clientId, UUID secretaryId, InvitationState state,
        @Schema(maxLength = 2000) String message, Instant createdAt, Instant answeredAt,
        @Schema(maxLength = 500) @JsonInclude(JsonInclude.Include.NON_NULL) String declineReason) {

    public static InvitationView of(Invitation i, boolean showDeclineReason) {
        return new InvitationView(i.id, i.requestId, i.offerId, i.clientId, i.secretaryId, i.state, i.message, i.createdAt,
                i.answeredAt, showDeclineReason ? i.declineReason : null);
    }
}
