package ca.pupitre.matching.api;

import jakarta.validation.constraints.Size;

/** The secretary's optional private note on a decline (never shown to the client). */
public record DeclineRequest(@Size(max = 500) String reason) {
}
