package ca.pupitre.billing.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fixed-price line (milestone or extra), amount as a decimal string. */
public record MilestoneRequest(
        @NotBlank @Size(max = 1000) @Schema(example = "Jalon 1 : mise en page du rapport annuel") String description,
        @NotNull @Size(max = 20) @Schema(example = "600.00") String amount) {
}
