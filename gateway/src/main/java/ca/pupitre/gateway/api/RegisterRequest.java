package ca.pupitre.gateway.api;

import ca.pupitre.gateway.domain.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RegisterRequest(
        @NotBlank @Email @Size(max = 254) @Schema(example = "josee@example.ca") String email,
        @NotNull @Size(min = 10, max = 128) @Schema(description = "10 to 128 characters") String password,
        @NotBlank @Size(max = 120) @Schema(example = "Josée P. — Télésecrétariat") String displayName,
        @NotNull @Schema(description = "SECRETARY or CLIENT") Role role,
        @Pattern(regexp = "fr-CA|en-CA") @Size(max = 5) @Schema(description = "fr-CA (default) or en-CA") String locale) {
}
