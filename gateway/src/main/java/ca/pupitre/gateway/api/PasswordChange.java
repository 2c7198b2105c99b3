package ca.pupitre.gateway.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Changing one's password: the current one, and the new one (10 to 128 characters, not a common one). */
public record PasswordChange(@NotNull @Size(max = 128) String currentPassword, @NotNull @Size(min = 10, max = 128) String newPassword) {
}
