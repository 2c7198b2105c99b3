package ca.pupitre.matching.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The secretary a client recommends. */
public record ReferralRequest(@NotNull UUID secretaryId) {
}
