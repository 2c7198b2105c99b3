package ca.pupitre.billing.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit on an issued invoice: the amount before taxes (taxes follow the original supply), and why. */
public record CreditNoteRequest(
        @NotNull @Size(max = 20) @Schema(example = "100.00") String amount,
        @NotBlank @Size(max = 1000) @Schema(example = "Heures facturées en trop le 2026-11-23") String reason) {
}
