package ca.pupitre.listings.rest.dto;

import java.time.Instant;

/** A "no longer relevant?" report waiting for the owner's action (edit, renew or close). */
public record PendingQuestion(String reason, String comment, Instant askedAt) {
}
