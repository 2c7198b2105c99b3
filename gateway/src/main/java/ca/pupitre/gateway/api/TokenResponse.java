package ca.pupitre.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OAuth 2.0 style token answer (RFC 6749 5.1 field names). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        // a signed JWT: header, a few claims (e-mail up to 254 characters, name up to 120), an RS256 signature
        @JsonProperty("access_token") @Schema(maxLength = 4096) String accessToken,
        @JsonProperty("token_type") @Schema(enumeration = "Bearer") String tokenType,
        // pupitre.tokens.access-ttl or service-ttl, in seconds (both 15 min); a day at most
        @JsonProperty("expires_in") @Schema(minimum = "1", maximum = "86400") long expiresIn,
        // 32 random bytes, base64url without padding
        @JsonProperty("refresh_token") @Schema(maxLength = 43) String refreshToken) {
}
