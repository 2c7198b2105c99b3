package ca.pupitre.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an admin disables an account (recorded, shown to admins). */
public record DisableRequest(@NotBlank @Size(max = 500) String reason) {
}
