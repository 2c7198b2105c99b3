package ca.pupitre.platform.problem;

import java.net.URI;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Turns a problem code into its localized title and detail. Each service may ship its own
 * {@code problems_fr.properties} / {@code problems_en.properties}; the platform's generic codes live
 * in {@code platform-problems_*.properties}. Keys are {@code CODE.title} and {@code CODE.detail}
 * (a {@link MessageFormat} pattern taking the exception's arguments).
 */
public final class ProblemCatalog {

    public static final String TYPE_BASE = "https://pupitre.ca/problems/";
    private static final List<String> BUNDLES = List.of("problems", "platform-problems");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ProblemCatalog() {
    }

    public static URI type(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static String title(String code, Locale locale) {
        String title = lookup(code + ".title", locale);
        return title != null ? title : code;
    }

    public static String detail(String code, Locale locale, Object... args) {
        String pattern = lookup(code + ".detail", locale);
        if (pattern == null) {
            return null;
        }
        if (args == null || args.length == 0) {
            return pattern.replace("''", "'");
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** A message that is not a problem title (field messages, reasons); the key is used as-is. */
    public static String message(String key, Locale locale, Object... args) {
        String pattern = lookup(key, locale);
        if (pattern == null) {
            return key;
        }
        return args == null || args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }

    private static String lookup(String key, Locale locale) {
        Locale bundleLocale = Locale.forLanguageTag(Languages.code(locale));
        for (String name : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, bundleLocale,
                        Thread.currentThread().getContextClassLoader(), NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    return bundle.getString(key);
                }
            } catch (MissingResourceException absent) {
                // this module ships no such bundle: try the next one
            }
        }
        return null;
    }
}
