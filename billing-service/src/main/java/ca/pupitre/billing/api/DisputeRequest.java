package ca.pupitre.billing.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DisputeRequest(
        @Size(max = 500) @Schema(description = "Entries of the week to dispute; all submitted ones when absent") List<UUID> entryIds,
        @NotBlank @Size(max = 2000) String comment) {
}
