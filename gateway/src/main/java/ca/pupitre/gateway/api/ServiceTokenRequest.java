package ca.pupitre.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Client credentials of an internal service (listings, matching, billing). */
public record ServiceTokenRequest(@NotBlank @Size(max = 64) String clientId, @NotBlank @Size(max = 256) String clientSecret) {
}
