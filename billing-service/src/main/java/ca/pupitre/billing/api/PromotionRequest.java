package ca.pupitre.billing.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PromotionRequest(
        @NotNull @Schema(description = "The offer (listing) to feature") UUID listingId,
        @NotNull @Schema(example = "7", description = "7 or 30", minimum = "7", maximum = "30") Integer days) {
}
