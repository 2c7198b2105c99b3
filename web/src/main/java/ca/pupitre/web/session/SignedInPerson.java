package ca.pupitre.web.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * Who is signed in on this browser and the tokens the web app calls the API with on her behalf. Lives only
 * sealed in the session cookie ({@link SessionCodec}); never in a page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignedInPerson(UUID accountId, String displayName, String role, boolean emailVerified, String accessToken,
        long accessExpiresAt, String refreshToken) {

    @JsonIgnore
    public boolean isSecretary() {
        return "SECRETARY".equals(role);
    }

    @JsonIgnore
    public boolean isClient() {
        return "CLIENT".equals(role);
    }

    @JsonIgnore
    public boolean isAdmin() {
        return "ADMIN".equals(role);
    }

    SignedInPerson withTokens(String access, long expiresAt, String refresh) {
        return new SignedInPerson(accountId, displayName, role, emailVerified, access, expiresAt, refresh);
    }
}
