package ca.pupitre.matching.api;

import ca.pupitre.matching.domain.InvitationMessage;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record MessageView(UUID id, UUID authorId, @Schema(enumeration = {"SECRETARY", "CLIENT"}) String authorRole,
        @Schema(maxLength = 2000) String body, Instant createdAt) {

    public static MessageView of(InvitationMessage m) {
        return new MessageView(m.id, m.authorId, m.authorRole, m.body, m.createdAt);
    }
}
