package ca.pupitre.matching.domain.alerts;

import ca.pupitre.matching.domain.Alert;
import ca.pupitre.matching.domain.ListingCopy;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;

/**
 * Whether a listing answers a saved search, with the semantics of listings' own search: every word of
 * {@code q} (3 letters or more, accents and case ignored) in a title or a skill code, every skill and every
 * language of the alert on the listing, the same region, and remote when {@code remoteOnly}.
 */
public final class AlertCriteria {

    private AlertCriteria() {
    }

    /** The listing kind an alert watches: a secretary's alert watches requests, a client's offers. */
    public static String watchedKind(Alert alert) {
        return "SECRETARY".equals(alert.ownerRole) ? "REQUEST" : "OFFER";
    }

    public static boolean matches(Alert alert, ListingCopy listing) {
        if (!watchedKind(alert).equals(listing.kind)) {
            return false;
        }
        if (alert.remoteOnly && !listing.remote) {
            return false;
        }
        if (alert.region != null && !alert.region.equals(listing.region)) {
            return false;
        }
        if (!new HashSet<>(Arrays.asList(listing.skills)).containsAll(Arrays.asList(alert.skills))) {
            return false;
        }
        if (!new HashSet<>(Arrays.asList(listing.languages)).containsAll(Arrays.asList(alert.languages))) {
            return false;
        }
        List<String> words = words(alert.queryText);
        if (words.isEmpty()) {
            return true;
        }
        String haystack = " " + String.join(" ", words(String.join(" ", nonNull(listing.titleFr), nonNull(listing.titleEn),
                String.join(" ", listing.skills).replace('-', ' ')))) + " ";
        return words.stream().allMatch(word -> haystack.contains(" " + word));
    }

    /** Lower-case words without accents, 3 characters or more ("mise en page" → mise, page). */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 3).distinct().toList();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
