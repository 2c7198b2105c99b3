package ca.pupitre.listings.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an admin hides a listing (shown to the owner). */
public record HideRequest(@Schema(description = "Required, at most 500 characters", maxLength = 500) String reason) {
}
