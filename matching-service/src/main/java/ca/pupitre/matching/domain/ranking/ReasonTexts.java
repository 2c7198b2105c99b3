package ca.pupitre.matching.domain.ranking;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The sentence of an explanation part in French or English (bundles {@code reasons_fr} / {@code reasons_en}).
 * An argument that names a bundle entry {@code arg.<value>} (pricing units, languages) is translated too,
 * and decimals take a comma in French.
 */
public final class ReasonTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ReasonTexts() {
    }

    public static String text(Part part, Locale locale) {
        return text(part.key(), part.args(), locale);
    }

    public static String text(String key, List<String> args, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        ResourceBundle bundle = ResourceBundle.getBundle("reasons", english ? Locale.ENGLISH : Locale.FRENCH, NO_FALLBACK);
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = localize(bundle, args.get(i), english);
        }
        return new MessageFormat(bundle.getString(key), english ? Locale.ENGLISH : Locale.FRENCH).format(values);
    }

    private static String localize(ResourceBundle bundle, String arg, boolean english) {
        StringBuilder out = new StringBuilder();
        for (String piece : arg.split("\\+", -1)) {
            if (!out.isEmpty()) {
                out.append(english ? " and " : " et ");
            }
            String translated;
            try {
                translated = bundle.getString("arg." + piece);
            } catch (MissingResourceException unknown) {
                translated = !english && piece.matches("-?\\d+\\.\\d+") ? piece.replace('.', ',') : piece;
            }
            out.append(translated);
        }
        return out.toString();
    }
}
