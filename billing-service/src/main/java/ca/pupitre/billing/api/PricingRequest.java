package ca.pupitre.billing.api;

import ca.pupitre.billing.domain.PricingType;
import ca.pupitre.billing.domain.WorkUnit;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** HOURLY {rate}, FIXED {amount}, PER_UNIT {unit, rate}; amounts are decimal strings. */
public record PricingRequest(
        @NotNull PricingType type,
        @Schema(description = "PER_UNIT only") WorkUnit unit,
        @Size(max = 20) @Schema(example = "45.00", description = "HOURLY and PER_UNIT") String rate,
        @Size(max = 20) @Schema(example = "1200.00", description = "FIXED") String amount) {
}
