package ca.pupitre.listings.api;

import ca.pupitre.listings.domain.Confidentiality;
import ca.pupitre.listings.service.ListingValidator;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of create (POST) and full replacement (PUT). Not validated by Bean Validation: ListingValidator checks every
 * field (an unknown skill code or a language other than two letters is refused); the item sizes document that.
 */
public record ListingRequest(
        @Schema(description = "At least one of fr/en; at most 160 characters each") LocalizedText title,
        @Schema(description = "Plain text (never interpreted as HTML); at most 8000 characters per language") LocalizedText description,
        @Schema(description = "Skill codes from GET /api/v1/skills (1 to 20)", example = "[\"translation\", \"layout\"]", maxItems = 20)
        List<@Size(max = ListingValidator.SKILL_CODE_MAX) String> skills,
        @Schema(description = "Working languages, ISO 639-1 (1 to 10)", example = "[\"fr\", \"en\"]", maxItems = 10)
        List<@Size(max = 2) String> languages,
        PricingRequest pricing,
        @Schema(minimum = "1", maximum = "80") Integer hoursPerWeek,
        @Schema(description = "ISO 8601 duration, e.g. PT24H or P2D; at most 90 days", example = "P2D", maxLength = 20) String turnaround,
        @Schema(description = "Remote only; defaults to true when no region is given") Boolean remote,
        @Schema(description = "Québec administrative region code 01..17", example = "06", pattern = "0[1-9]|1[0-7]", maxLength = 2) String region,
        LocalDate startDate,
        Confidentiality confidentiality,
        @Schema(description = "Name shown publicly (e.g. a business name)", maxLength = 80) String publicName,
        @Schema(description = "Requests only: hide who the client is") Boolean anonymous) {
}
