package ca.pupitre.billing.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Canadian registration numbers: GST/HST {@code 123456789 RT0001}, QST {@code 1234567890 TQ0001}. */
public final class TaxNumbers {

    private static final Pattern GST = Pattern.compile("(\\d{9})\\s*RT\\s*(\\d{4})");
    private static final Pattern QST = Pattern.compile("(\\d{10})\\s*TQ\\s*(\\d{4})");

    private TaxNumbers() {
    }

    /** The GST/HST number in its canonical form, or empty when malformed. */
    public static Optional<String> gst(String raw) {
        return canonical(GST, raw, "RT");
    }

    /** The QST number in its canonical form, or empty when malformed. */
    public static Optional<String> qst(String raw) {
        return canonical(QST, raw, "TQ");
    }

    private static Optional<String> canonical(Pattern pattern, String raw, String program) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(raw.strip().toUpperCase(Locale.ROOT));
        return m.matches() ? Optional.of(m.group(1) + " " + program + m.group(2)) : Optional.empty();
    }
}
