package ca.pupitre.matching.api;

import java.util.List;
import java.util.UUID;

/**
 * An open request ranked for a secretary's offer. {@code clientId} is null for a request published
 * anonymously, unless the caller is an admin or that client invited her.
 */
public record RequestMatchView(UUID requestId, UUID clientId, double score, boolean newcomer, List<ReasonView> reasons) {
}
