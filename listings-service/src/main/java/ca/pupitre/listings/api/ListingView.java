package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.CloseReason;
import ca.pupitre.listings.domain.Confidentiality;
import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.ListingStatus;
import ca.pupitre.listings.service.ListingValidator;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A listing as a caller may see it. {@code title} and {@code description} are the plain text as stored
 * (JSON is not HTML); {@code descriptionHtml} is the same text escaped for embedding in HTML.
 * Owner/admin-only fields are absent for others.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingView(
        UUID id,
        ListingKind kind,
        ListingStatus status,
        LocalizedText title,
        LocalizedText description,
        @Schema(description = "Description escaped as HTML (line breaks as <br>), safe to embed") LocalizedText descriptionHtml,
        @Schema(maxItems = 20) List<@Size(max = ListingValidator.SKILL_CODE_MAX) String> skills,
        @Schema(maxItems = 10) List<@Size(max = 2) String> languages,
        PricingView pricing,
        @Schema(minimum = "1", maximum = "80") Integer hoursPerWeek,
        @Schema(maxLength = 32) String turnaround,
        boolean remote,
        @Schema(maxLength = 2) String region,
        LocalDate startDate,
        Confidentiality confidentiality,
        @Schema(maxLength = 80) String publicName,
        boolean anonymous,
        @Schema(description = "Absent for anonymous requests unless the caller is the owner or an admin", format = "uuid",
                maxLength = 36) UUID ownerId,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant expiresAt,
        Instant expiryReminderDueAt,
        Instant featuredUntil,
        @Schema(description = "True while a paid promotion runs (featuredUntil in the future)") boolean promoted,
        CloseReason closedReason,
        @Schema(description = "Owner and admin only", maxLength = 500) String hiddenReason,
        @Schema(description = "Owner and admin only") List<PendingQuestion> pendingQuestions,
        @Schema(minimum = "0", maximum = "9223372036854775807") long version) {
}
