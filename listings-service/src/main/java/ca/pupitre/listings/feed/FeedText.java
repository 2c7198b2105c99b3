package ca.pupitre.listings.feed;

import ca.pupitre.listings.service.HtmlText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text as feeds publish it. Listings have no e-mail or phone fields, but authors type them into
 * descriptions; syndicated copies mask them (contact goes through Pupitre), and drop characters XML 1.0
 * cannot carry.
 */
public final class FeedText {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    /** North American numbers in their usual spellings: 514 555-1234, (514) 555-1234, +1 514.555.1234, 5145551234. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{N}])(?:\\+?1[ .-]?)?(?:\\(\\d{3}\\)|\\d{3})[ .-]?\\d{3}[ .-]?\\d{4}(?![\\p{N}])");
    private static final List<String> REGIONS_FR = List.of("Bas-Saint-Laurent", "Saguenay–Lac-Saint-Jean",
            "Capitale-Nationale", "Mauricie", "Estrie", "Montréal", "Outaouais", "Abitibi-Témiscamingue", "Côte-Nord",
            "Nord-du-Québec", "Gaspésie–Îles-de-la-Madeleine", "Chaudière-Appalaches", "Laval", "Lanaudière",
            "Laurentides", "Montérégie", "Centre-du-Québec");

    private FeedText() {
    }

    /** Plain text with contact details masked ({@code null} stays null). */
    public static String plain(String text, Lang lang) {
        if (text == null) {
            return null;
        }
        String masked = text;
        if (text.indexOf('@') >= 0) {
            masked = EMAIL.matcher(masked).replaceAll(lang.text("[courriel masqué]", "[e-mail hidden]"));
        }
        if (hasDigitRun(masked)) {
            masked = PHONE.matcher(masked).replaceAll(lang.text("[téléphone masqué]", "[phone hidden]"));
        }
        return xmlSafe(masked);
    }

    /** The description as sanitized HTML: contacts masked, then escaped ({@link HtmlText}: no author markup survives). */
    public static String html(String text, Lang lang) {
        return HtmlText.escape(plain(text, lang));
    }

    /** The name of a Québec administrative region (01–17); null when unknown. */
    public static String regionName(String code) {
        if (code == null) {
            return null;
        }
        try {
            int index = Integer.parseInt(code) - 1;
            return index >= 0 && index < REGIONS_FR.size() ? REGIONS_FR.get(index) : null;
        } catch (NumberFormatException notACode) {
            return null;
        }
    }

    /** Drops characters XML 1.0 forbids (the validator already refuses most control characters). */
    static String xmlSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!allowed(text.charAt(i))) {
                StringBuilder clean = new StringBuilder(text.length());
                text.chars().filter(c -> allowed((char) c)).forEach(c -> clean.append((char) c));
                return clean.toString();
            }
        }
        return text;
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }

    /** Cheap pre-check: a phone number needs at least 7 digits. */
    private static boolean hasDigitRun(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i)) && ++digits >= 7) {
                return true;
            }
        }
        return false;
    }
}
