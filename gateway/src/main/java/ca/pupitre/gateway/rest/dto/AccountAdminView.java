package ca.pupitre.gateway.rest.dto;

import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.Role;
import java.time.Instant;
import java.util.UUID;

/** An account as an admin sees it: with its verification and moderation state. */
public record AccountAdminView(UUID id, String email, String displayName, Role role, String locale, Instant createdAt,
        boolean emailVerified, Instant disabledAt, String disabledReason, UUID disabledBy) {

    public static AccountAdminView of(Account a) {
        return new AccountAdminView(a.id, a.email, a.displayName, a.role, a.locale, a.createdAt, a.emailVerified(), a.disabledAt,
                a.disabledReason, a.disabledBy);
    }
}
