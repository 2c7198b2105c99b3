package ca.pupitre.listings.search;

import java.util.Locale;

/** The two languages a listing is written in; each has its own analysis chain and its own fields. */
public enum ListingLanguage {
    FR, EN;

    /** Field name for this language: {@code title} → {@code title_fr}. */
    public String field(String base) {
        return base + "_" + code();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
