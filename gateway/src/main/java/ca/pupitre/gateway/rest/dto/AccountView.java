package ca.pupitre.gateway.rest.dto;

import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.Role;
import java.time.Instant;
import java.util.UUID;

public record AccountView(UUID id, String email, String displayName, Role role, String locale, Instant createdAt,
        boolean emailVerified) {

    public static AccountView of(Account account) {
        return new AccountView(account.id, account.email, account.displayName, account.role, account.locale, account.createdAt,
                account.emailVerified());
    }
}
