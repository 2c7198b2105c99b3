package ca.pupitre.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token of an address-verification link. */
public record VerifyEmailRequest(@NotBlank @Size(max = 100) String token) {
}
