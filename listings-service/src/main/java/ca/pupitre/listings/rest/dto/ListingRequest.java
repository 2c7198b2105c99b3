package ca.pupitre.listings.rest.dto;

import ca.pupitre.listings.domain.Confidentiality;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of create (POST) and full replacement (PUT). */
public record ListingRequest(
        @Schema(description = "At least one of fr/en; at most 160 characters each") LocalizedText title,
        @Schema(description = "Plain text (never interpreted as HTML); at most 8000 characters per language") LocalizedText description,
        @Schema(description = "Skill codes from GET /api/v1/skills", example = "[\"translation\", \"layout\"]") List<String> skills,
        @Schema(description = "Working languages, ISO 639-1", example = "[\"fr\", \"en\"]") List<String> languages,
        PricingRequest pricing,
        Integer hoursPerWeek,
        @Schema(description = "ISO 8601 duration, e.g. PT24H or P2D", example = "P2D") String turnaround,
        @Schema(description = "Remote only; defaults to true when no region is given") Boolean remote,
        @Schema(description = "Québec administrative region code 01..17", example = "06") String region,
        LocalDate startDate,
        Confidentiality confidentiality,
        @Schema(description = "Name shown publicly (e.g. a business name)") String publicName,
        @Schema(description = "Requests only: hide who the client is") Boolean anonymous) {
}
