package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.CloseReason;

/** Why the owner closes the listing. */
public record CloseRequest(CloseReason reason) {
}
