package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.PricingUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Stored pricing; {@code amount} is an exact decimal string ("38.00"). */
public record PricingView(PricingUnit unit,
        @Schema(description = "Positive, numeric(19,2): at most 17 digits, a point and 2 decimals", maxLength = 20) String amount,
        @Schema(enumeration = {"CAD"}) String currency) {
}
