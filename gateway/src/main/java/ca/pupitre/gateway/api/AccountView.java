package ca.pupitre.gateway.api;

import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.Role;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AccountView(UUID id, @Schema(maxLength = 254) String email, @Schema(maxLength = 120) String displayName,
        Role role, @Schema(enumeration = {"fr-CA", "en-CA"}) String locale, Instant createdAt, boolean emailVerified) {

    public static AccountView of(Account account) {
        return new AccountView(account.id, account.email, account.displayName, account.role, account.locale, account.createdAt,
                account.emailVerified());
    }
}
