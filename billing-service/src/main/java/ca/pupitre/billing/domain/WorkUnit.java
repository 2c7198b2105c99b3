package ca.pupitre.billing.domain;

/** Units for per-unit pricing, with their fr/en labels on invoices. */
public enum WorkUnit {
    PAGE("page", "page"), THOUSAND_WORDS("1000 mots", "1000 words"), AUDIO_MINUTE("minute audio", "audio minute");

    private final String french;
    private final String english;

    WorkUnit(String french, String english) {
        this.french = french;
        this.english = english;
    }

    public String label(boolean english) {
        return english ? this.english : french;
    }
}
