package ca.pupitre.matching.domain.alerts;

import ca.pupitre.matching.domain.Alert;
import ca.pupitre.matching.domain.ListingCopy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The text of one alert e-mail, in the alert's language (fr or en), with its one-click unsubscribe link. */
public record AlertEmail(String to, String subject, String text, String unsubscribeUrl) {

    /** Header value of RFC 2369 / RFC 8058 {@code List-Unsubscribe}. */
    public String listUnsubscribe() {
        return "<" + unsubscribeUrl + ">";
    }

    public static AlertEmail of(Alert alert, List<ListingCopy> listings, int more, String publicUrl) {
        boolean fr = !"en".equals(alert.language);
        boolean requests = "REQUEST".equals(AlertCriteria.watchedKind(alert));
        int count = listings.size() + more;
        String what = fr ? (requests ? (count > 1 ? "nouvelles demandes" : "nouvelle demande") : (count > 1 ? "nouvelles offres" : "nouvelle offre"))
                : (requests ? (count > 1 ? "new requests" : "new request") : (count > 1 ? "new offers" : "new offer"));
        String subject = fr ? "Pupitre : " + count + " " + what + " pour « " + oneLine(alert.name) + " »"
                : "Pupitre: " + count + " " + what + " for \u201c" + oneLine(alert.name) + "\u201d";
        String unsubscribe = publicUrl + "/api/v1/alerts/unsubscribe?token=" + URLEncoder.encode(alert.unsubscribeToken, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        text.append(fr ? "Bonjour" : "Hello").append(alert.recipientName == null ? "" : " " + oneLine(alert.recipientName)).append(",\n\n");
        String name = oneLine(alert.name);
        if (fr) {
            text.append(count > 1 ? "Voici les " + count + " " + what + " qui correspondent à votre alerte « " + name + " » :\n\n"
                    : "Voici la " + what + " qui correspond à votre alerte « " + name + " » :\n\n");
        } else {
            text.append(count > 1 ? "Here are the " + count + " " + what + " matching your alert \u201c" + name + "\u201d:\n\n"
                    : "Here is the " + what + " matching your alert \u201c" + name + "\u201d:\n\n");
        }
        for (ListingCopy listing : listings) {
            text.append("- ").append(title(listing, fr)).append('\n');
            if (listing.skills.length > 0) {
                text.append("  ").append(fr ? "Compétences : " : "Skills: ").append(String.join(", ", listing.skills)).append('\n');
            }
            text.append("  ").append(listing.remote ? (fr ? "À distance" : "Remote") : (fr ? "Région " : "Region ") + listing.region)
                    .append('\n');
            text.append("  ").append(publicUrl).append("/api/v1/listings/").append(listing.id).append("\n\n");
        }
        if (more > 0) {
            text.append(fr ? "… et " + more + " autres.\n\n" : "… and " + more + " more.\n\n");
        }
        text.append(fr ? "Vous recevez ce courriel parce que vous avez enregistré cette alerte sur Pupitre.\n"
                + "Se désabonner de cette alerte en un clic : "
                : "You receive this e-mail because you saved this alert on Pupitre.\n"
                + "Unsubscribe from this alert in one click: ").append(unsubscribe).append('\n');
        return new AlertEmail(alert.email, subject, text.toString(), unsubscribe);
    }

    private static String title(ListingCopy listing, boolean fr) {
        String preferred = fr ? listing.titleFr : listing.titleEn;
        String other = fr ? listing.titleEn : listing.titleFr;
        String title = preferred != null && !preferred.isBlank() ? preferred : other;
        return title == null || title.isBlank() ? (fr ? "(sans titre)" : "(untitled)") : oneLine(title);
    }

    /** No line breaks in a subject or a list line (header injection, layout). */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
