package ca.pupitre.matching.domain.alerts;

import ca.pupitre.matching.domain.ListingCopy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The e-mail reminding an owner that a listing expires soon, in fr or en, with renew and unsubscribe links. */
public record ReminderEmail(String to, String subject, String text, String unsubscribeUrl) {

    public String listUnsubscribe() {
        return "<" + unsubscribeUrl + ">";
    }

    public static ReminderEmail of(String to, String language, ListingCopy listing, String unsubscribeToken, String publicUrl,
            ZoneId zone) {
        boolean fr = !"en".equals(language);
        String title = title(listing, fr);
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(fr ? Locale.CANADA_FRENCH : Locale.CANADA)
                .format(listing.expiresAt.atZone(zone));
        String unsubscribe = publicUrl + "/api/v1/alerts/unsubscribe?token=" + URLEncoder.encode(unsubscribeToken, StandardCharsets.UTF_8);
        String renew = publicUrl + "/api/v1/listings/" + listing.id + "/renew";
        String subject = fr ? "Pupitre : votre annonce « " + title + " » expire le " + date
                : "Pupitre: your listing \u201c" + title + "\u201d expires on " + date;
        String text = fr
                ? "Bonjour,\n\nVotre annonce « " + title + " » expire le " + date + ".\n"
                        + "Renouvelez-la en un clic (une fois connecté) : " + renew + "\n\n"
                        + "Ne plus recevoir ces rappels : " + unsubscribe + "\n"
                : "Hello,\n\nYour listing \u201c" + title + "\u201d expires on " + date + ".\n"
                        + "Renew it in one click (once signed in): " + renew + "\n\n"
                        + "Stop these reminders: " + unsubscribe + "\n";
        return new ReminderEmail(to, subject, text, unsubscribe);
    }

    static String title(ListingCopy listing, boolean fr) {
        String preferred = fr ? listing.titleFr : listing.titleEn;
        String other = fr ? listing.titleEn : listing.titleFr;
        String title = preferred != null && !preferred.isBlank() ? preferred : other;
        return title == null || title.isBlank() ? (fr ? "sans titre" : "untitled") : title.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
