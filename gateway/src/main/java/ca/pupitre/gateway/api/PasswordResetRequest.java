package ca.pupitre.gateway.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "I forgot my password": the account's e-mail address. */
public record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
}
