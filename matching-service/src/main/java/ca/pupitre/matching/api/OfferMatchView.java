package ca.pupitre.matching.api;

import java.util.List;
import java.util.UUID;

/** An offer ranked for a client's request. */
public record OfferMatchView(UUID offerId, UUID secretaryId, double score, boolean newcomer, List<ReasonView> reasons) {
}
