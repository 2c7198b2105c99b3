package ca.pupitre.matching.api;

import ca.pupitre.matching.domain.ranking.Part;
import ca.pupitre.matching.domain.ranking.ReasonTexts;
import java.util.Locale;

/** One part of a score: {@code weight × value} is its share of the score; {@code text} says it in the caller's language. */
public record ReasonView(String factor, double weight, double value, String text) {

    public static ReasonView of(Part part, Locale locale) {
        return new ReasonView(part.factor().name(), part.weight(), part.value(), ReasonTexts.text(part, locale));
    }
}
