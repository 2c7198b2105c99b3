package ca.pupitre.matching.service;

import ca.pupitre.matching.repository.ReviewRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Reputation from the verified, visible reviews. */
@ApplicationScoped
public class ReviewReputation implements ReputationSource {

    private final ReviewRepository reviews;

    public ReviewReputation(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public Map<UUID, int[]> starsOf(Collection<UUID> secretaryIds) {
        return reviews.totals(secretaryIds);
    }
}
