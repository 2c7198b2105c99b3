package ca.pupitre.gateway.rest.dto;

import ca.pupitre.gateway.service.SessionService;
import java.time.Instant;
import java.util.UUID;

/** One open session: the device it started on (User-Agent), when, when last used, and whether it is this one. */
public record SessionView(UUID id, String device, Instant createdAt, Instant lastUsedAt, boolean current) {

    public static SessionView of(SessionService.Session s, UUID current) {
        return new SessionView(s.id(), s.device(), s.createdAt(), s.lastUsedAt(), s.id().equals(current));
    }
}
