package ca.pupitre.matching.rest.dto;

import ca.pupitre.matching.domain.Review;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A review as shown publicly; {@code hidden}/{@code reportCount} only for admins. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewView(UUID id, UUID engagementId, UUID secretaryId, UUID clientId, int stars, String text, Instant createdAt,
        String answer, Instant answeredAt, Boolean hidden, Integer reportCount) {

    public static ReviewView of(Review r, boolean admin) {
        return new ReviewView(r.id, r.engagementId, r.secretaryId, r.clientId, r.stars, r.body, r.createdAt, r.answer,
                r.answeredAt, admin ? r.hidden : null, admin ? r.reportCount : null);
    }
}
