package ca.pupitre.matching.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * A paid engagement (billing's id) that a referral led to, with its secretary and client as billing has
 * them: the conversion counts only if the referral recommends that secretary and came from another client.
 */
public record ConversionRequest(@NotNull UUID engagementId, @NotNull UUID secretaryId, @NotNull UUID clientId) {
}
