package ca.pupitre.billing.domain;

/**
 * What an invoice line counts: hours, a fixed amount (a milestone, a credit, a promotion), or one of the
 * {@link WorkUnit}s of per-unit pricing, with how the PDF prints it after the quantity.
 */
public enum LineUnit {
    HOUR("h", "h"),
    FIXED("", ""),
    PAGE("page(s)", "page(s)"),
    THOUSAND_WORDS("× 1000 mots", "× 1000 words"),
    AUDIO_MINUTE("min audio", "audio min");

    private final String french;
    private final String english;

    LineUnit(String french, String english) {
        this.french = french;
        this.english = english;
    }

    /** The line unit of a per-unit engagement's work unit. */
    public static LineUnit of(WorkUnit unit) {
        return switch (unit) {
            case PAGE -> PAGE;
            case THOUSAND_WORDS -> THOUSAND_WORDS;
            case AUDIO_MINUTE -> AUDIO_MINUTE;
        };
    }

    /** Printed after the quantity on the PDF (empty for a fixed amount). */
    public String label(boolean english) {
        return english ? this.english : french;
    }
}
