package ca.pupitre.matching.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The secretary a client recommends. */
public record ReferralRequest(@NotNull UUID secretaryId) {
}
