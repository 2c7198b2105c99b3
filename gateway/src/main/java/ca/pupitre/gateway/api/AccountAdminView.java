package ca.pupitre.gateway.api;

import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.Role;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as an admin sees it: with its verification and moderation state. */
public record AccountAdminView(UUID id, @Schema(maxLength = 254) String email, @Schema(maxLength = 120) String displayName,
        Role role, @Schema(enumeration = {"fr-CA", "en-CA"}) String locale, Instant createdAt, boolean emailVerified,
        Instant disabledAt, @Schema(maxLength = 500) String disabledReason, UUID disabledBy) {

    public static AccountAdminView of(Account a) {
        return new AccountAdminView(a.id, a.email, a.displayName, a.role, a.locale, a.createdAt, a.emailVerified(), a.disabledAt,
                a.disabledReason, a.disabledBy);
    }
}
