package ca.pupitre.matching.api;

import ca.pupitre.matching.domain.Review;
import ca.pupitre.platform.problem.ProblemCatalog;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A review as shown publicly: the author as a display form ({@code author}, e.g. "Client vérifié"), never the
 * client's or the engagement's id, which only an admin or the reviewing client sees; {@code hidden} and
 * {@code reportCount} only for admins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewView(UUID id, UUID engagementId, UUID secretaryId, UUID clientId,
        @Schema(description = "A short display form from the message catalog", maxLength = 80) String author,
        @Schema(minimum = "1", maximum = "5") int stars, @Schema(maxLength = 4000) String text,
        Instant createdAt, @Schema(maxLength = 4000) String answer, Instant answeredAt, Boolean hidden,
        @Schema(minimum = "0", maximum = "2147483647") Integer reportCount) {

    /** As the public sees it. */
    public static ReviewView of(Review r, Locale locale) {
        return of(r, false, false, locale);
    }

    /** {@code withIds}: the reviewing client or an admin; {@code admin}: moderation fields too. */
    public static ReviewView of(Review r, boolean withIds, boolean admin, Locale locale) {
        return new ReviewView(r.id, withIds ? r.engagementId : null, r.secretaryId, withIds ? r.clientId : null,
                ProblemCatalog.message("review.author", locale), r.stars, r.body, r.createdAt, r.answer, r.answeredAt,
                admin ? r.hidden : null, admin ? r.reportCount : null);
    }
}
