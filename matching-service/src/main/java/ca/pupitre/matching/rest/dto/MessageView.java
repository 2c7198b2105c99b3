package ca.pupitre.matching.rest.dto;

import ca.pupitre.matching.domain.InvitationMessage;
import java.time.Instant;
import java.util.UUID;

public record MessageView(UUID id, UUID authorId, String authorRole, String body, Instant createdAt) {

    public static MessageView of(InvitationMessage m) {
        return new MessageView(m.id, m.authorId, m.authorRole, m.body, m.createdAt);
    }
}
