package ca.pupitre.listings.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SkillTaxonomyTest {

    private final SkillTaxonomy taxonomy = new SkillTaxonomy(new ObjectMapper());

    @Test
    void hasTheContractSlugs() {
        for (String code : List.of("transcription", "translation", "layout", "spreadsheets", "bookkeeping", "financial-statements",
                "invoicing", "calendar", "customer-service", "legal", "medical", "notarial", "word", "excel", "quickbooks",
                "sage50", "acomba")) {
            assertThat(taxonomy.exists(code)).as(code).isTrue();
        }
        assertThat(taxonomy.all()).allSatisfy(s -> {
            assertThat(s.code()).matches("[a-z0-9-]+");
            assertThat(s.label().fr()).isNotBlank();
            assertThat(s.label().en()).isNotBlank();
        });
    }

    @Test
    void expandsAFrenchPhraseToBothLanguages() {
        SkillTaxonomy.Expansion expansion = taxonomy.expand("Tenue de livres à Québec");
        assertThat(expansion.skills()).containsExactly("bookkeeping");
        assertThat(expansion.rest()).isEqualTo("a quebec");
        assertThat(expansion.groups().get(0)).contains("en:bookkeeping").contains("fr:tenue de livres");
    }

    @Test
    void expandsEnglishToFrenchAndIgnoresPartialWords() {
        assertThat(taxonomy.expand("financial statements").groups().get(0)).contains("fr:etats financiers");
        assertThat(taxonomy.expand("wordpress").skills()).isEmpty();
        assertThat(taxonomy.expand("mise-en-page").skills()).containsExactly("layout");
    }

    @Test
    void normalizesLikeUnaccentLower() {
        assertThat(SkillTaxonomy.normalize("  États-Financiers, l'Été ")).isEqualTo("etats financiers l ete");
    }
}
