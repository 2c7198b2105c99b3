package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.PricingUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rate (offers) or a budget (requests). {@code amount} is a decimal string with at most 2 decimals. */
public record PricingRequest(
        PricingUnit unit,
        @Schema(example = "38.00", maxLength = 20) String amount,
        @Schema(description = "Only CAD", example = "CAD", maxLength = 3) String currency) {
}
