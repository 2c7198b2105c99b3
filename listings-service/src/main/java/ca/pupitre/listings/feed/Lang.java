package ca.pupitre.listings.feed;

import java.util.Locale;

/** The language a feed is written in ({@code lang=fr|en}, French by default). */
public enum Lang {
    FR("fr-CA"), EN("en-CA");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    /** French when absent; null when it is neither {@code fr} nor {@code en} (the caller answers 400). */
    public static Lang parse(String value) {
        if (value == null || value.isBlank()) {
            return FR;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "fr", "fr-ca" -> FR;
            case "en", "en-ca" -> EN;
            default -> null;
        };
    }

    /** BCP 47 tag carried as {@code inLanguage} / {@code xml:lang}. */
    public String tag() {
        return tag;
    }

    public Lang other() {
        return this == FR ? EN : FR;
    }

    /** This language's text, else the other one's. */
    public String pick(String fr, String en) {
        String mine = this == FR ? fr : en;
        return mine != null ? mine : (this == FR ? en : fr);
    }

    /** The language {@link #pick} actually used. */
    public Lang used(String fr, String en) {
        return (this == FR ? fr : en) != null ? this : other();
    }

    public String text(String french, String english) {
        return this == FR ? french : english;
    }
}
