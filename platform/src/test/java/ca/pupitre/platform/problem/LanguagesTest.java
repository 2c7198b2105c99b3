package ca.pupitre.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL, fr", "'', fr", "en-CA, en", "en, en", "fr-CA, fr", "'de-DE,en;q=0.5', en", "'en;q=0.2,fr;q=0.9', fr",
            "'es', fr", "'en;q=0', fr", "'!!garbage;;', fr"})
    void picksFrenchUnlessEnglishIsPreferred(String header, String expected) {
        assertThat(Languages.code(Languages.fromAcceptLanguage(header))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"fr-CA, Données invalides", "en-CA, Invalid data"})
    void titlesComeFromTheBundleOfTheLanguage(String tag, String title) {
        assertThat(ProblemCatalog.title("VALIDATION_FAILED", Locale.forLanguageTag(tag))).isEqualTo(title);
    }

    @ParameterizedTest
    @CsvSource({"fr-CA, 1, Un champ est invalide ; voir « errors ».", "en-CA, 3, 3 fields are invalid; see \"errors\"."})
    void detailsTakeArguments(String tag, int count, String detail) {
        assertThat(ProblemCatalog.detail("VALIDATION_FAILED", Locale.forLanguageTag(tag), count)).isEqualTo(detail);
    }
}
