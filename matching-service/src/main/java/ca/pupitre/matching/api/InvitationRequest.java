package ca.pupitre.matching.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A client's invitation of an offer to one of the client's requests. */
public record InvitationRequest(@NotNull UUID requestId, @NotNull UUID offerId, @Size(max = 2000) String message) {
}
