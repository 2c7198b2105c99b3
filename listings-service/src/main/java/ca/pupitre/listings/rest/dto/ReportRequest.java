package ca.pupitre.listings.rest.dto;

import ca.pupitre.listings.domain.ReportReason;

/** A user's report on a listing. */
public record ReportRequest(ReportReason reason, String comment) {
}
