package ca.pupitre.platform.problem;

import java.util.List;
import java.util.Locale;

/** The two languages Pupitre speaks: French (Canada) first, English (Canada) on request. */
public final class Languages {

    public static final Locale FRENCH = Locale.forLanguageTag("fr-CA");
    public static final Locale ENGLISH = Locale.forLanguageTag("en-CA");
    private static final List<Locale> SUPPORTED = List.of(FRENCH, ENGLISH);

    private Languages() {
    }

    /** The supported locale the {@code Accept-Language} header prefers; French when absent, malformed or neither. */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return FRENCH;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("fr")) {
                    return FRENCH;
                }
                if (tag.startsWith("en")) {
                    return ENGLISH;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return FRENCH;
        }
        return FRENCH;
    }

    /** {@code "fr"} or {@code "en"}. */
    public static String code(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage()) ? "en" : "fr";
    }

    public static List<Locale> supported() {
        return SUPPORTED;
    }
}
