package ca.pupitre.gateway.partner;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin gives to register a partner. */
public record PartnerRequest(
        @NotBlank @Size(max = 120) @Schema(example = "Emplois Québec Plus") String name,
        @NotBlank @Email @Size(max = 254) @Schema(example = "flux@emploisqc.example") String contactEmail,
        @NotNull @NotEmpty @Size(max = 10) @Schema(description = "Feeds this partner may read") Set<@NotNull Feed> feeds) {
}
