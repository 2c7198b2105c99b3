package ca.pupitre.matching;

import ca.pupitre.testing.TestTokens;
import java.util.UUID;

/** People's tokens as the gateway mints them, with the {@code email}, {@code name} and {@code locale} claims. */
public final class PersonTokens {

    private PersonTokens() {
    }

    public static String person(UUID id, String role, String email, String locale) {
        return TestTokens.person(id, role, email, "Marie Tremblay", locale);
    }
}
