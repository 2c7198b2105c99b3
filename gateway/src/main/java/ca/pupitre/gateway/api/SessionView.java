package ca.pupitre.gateway.api;

import ca.pupitre.gateway.service.SessionService;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One open session: the device it started on (User-Agent), when, when last used, and whether it is this one. */
public record SessionView(UUID id, @Schema(description = "User-Agent, its first 200 characters", maxLength = 200) String device,
        Instant createdAt, Instant lastUsedAt, boolean current) {

    public static SessionView of(SessionService.Session s, UUID current) {
        return new SessionView(s.id(), s.device(), s.createdAt(), s.lastUsedAt(), s.id().equals(current));
    }
}
