package ca.pupitre.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text shown in the other language than the page's is marked with its own language. */
class LocalizedTest {

    @Test
    void theLanguageOfTheTextShownIsTheOneItIsWrittenIn() {
        PupitreApi.Localized both = new PupitreApi.Localized("Tenue de livres", "Bookkeeping");
        PupitreApi.Localized frenchOnly = new PupitreApi.Localized("Tenue de livres", " ");
        PupitreApi.Localized englishOnly = new PupitreApi.Localized(null, "Bookkeeping");

        assertThat(both.in("en")).isEqualTo("Bookkeeping");
        assertThat(both.langIn("en")).isEqualTo("en-CA");
        assertThat(both.langIn("fr")).isEqualTo("fr-CA");
        assertThat(frenchOnly.in("en")).isEqualTo("Tenue de livres");
        assertThat(frenchOnly.langIn("en")).isEqualTo("fr-CA");
        assertThat(englishOnly.in("fr")).isEqualTo("Bookkeeping");
        assertThat(englishOnly.langIn("fr")).isEqualTo("en-CA");
    }
}
