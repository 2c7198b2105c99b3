package ca.pupitre.matching.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A short text: a review answer, a report or a moderation reason. */
public record TextRequest(@NotBlank @Size(max = 4000) String text) {
}
