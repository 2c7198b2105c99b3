package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.ReportReason;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A listing waiting for a moderator's decision, with its open reports (reporters are not named). */
public record ReportedListing(ListingView listing, @Schema(minimum = "0", maximum = "9223372036854775807") long openReports, Instant lastReportedAt,
        @Schema(maxItems = 1000) List<Report> reports) {

    public record Report(ReportReason reason, @Schema(maxLength = 1000) String comment, Instant createdAt) {
    }
}
