package ca.pupitre.listings.api;

import ca.pupitre.listings.service.SkillTaxonomy;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A list of phrases per language (skill synonyms: SkillTaxonomy checks the bounds when it loads skills.json). */
public record LocalizedList(
        @Schema(maxItems = SkillTaxonomy.SYNONYMS_MAX) List<@Size(max = SkillTaxonomy.PHRASE_MAX) String> fr,
        @Schema(maxItems = SkillTaxonomy.SYNONYMS_MAX) List<@Size(max = SkillTaxonomy.PHRASE_MAX) String> en) {
}
