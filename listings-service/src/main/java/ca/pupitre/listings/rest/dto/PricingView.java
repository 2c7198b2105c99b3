package ca.pupitre.listings.rest.dto;

import ca.pupitre.listings.domain.PricingUnit;

/** Stored pricing; {@code amount} is an exact decimal string ("38.00"). */
public record PricingView(PricingUnit unit, String amount, String currency) {
}
