package ca.pupitre.matching.rest.dto;

import java.util.List;
import java.util.UUID;

/** An open request ranked for a secretary's offer. */
public record RequestMatchView(UUID requestId, UUID clientId, double score, boolean newcomer, List<ReasonView> reasons) {
}
