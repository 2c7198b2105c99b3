package ca.pupitre.listings.api;

import ca.pupitre.listings.service.ListingValidator;
import ca.pupitre.listings.service.SkillTaxonomy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One skill of the taxonomy: a stable slug, its category, labels and search synonyms in both languages. */
public record SkillView(@Schema(maxLength = ListingValidator.SKILL_CODE_MAX) String code,
        @Schema(maxLength = SkillTaxonomy.CATEGORY_MAX) String category, LocalizedText label, LocalizedList synonyms) {
}
