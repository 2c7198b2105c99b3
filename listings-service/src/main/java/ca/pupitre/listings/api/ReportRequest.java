package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.ReportReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user's report on a listing. */
public record ReportRequest(ReportReason reason, @Schema(description = "Optional, at most 1000 characters", maxLength = 1000) String comment) {
}
