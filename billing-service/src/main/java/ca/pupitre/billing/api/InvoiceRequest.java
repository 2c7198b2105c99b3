package ca.pupitre.billing.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A draft: every approved, not yet invoiced entry of the engagement, plus the milestones given. */
public record InvoiceRequest(
        @NotNull UUID engagementId,
        @Size(max = 100) @Schema(description = "Fixed-price milestones (required for FIXED pricing)") List<@Valid MilestoneRequest> milestones) {
}
