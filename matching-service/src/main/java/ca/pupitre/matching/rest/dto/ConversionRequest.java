package ca.pupitre.matching.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A paid engagement (billing's id) that a referral led to. */
public record ConversionRequest(@NotNull UUID engagementId) {
}
