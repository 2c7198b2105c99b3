package ca.pupitre.listings.rest.dto;

/** Why an admin hides a listing (shown to the owner). */
public record HideRequest(String reason) {
}
