package ca.pupitre.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The token of a password-reset link and the new password. */
public record NewPassword(@NotBlank @Size(max = 100) String token, @NotNull @Size(min = 10, max = 128) String newPassword) {
}
