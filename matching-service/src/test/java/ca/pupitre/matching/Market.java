package ca.pupitre.matching;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds change-feed items as listings-service sends them (UPSERT with a ListingView, or TOMBSTONE). */
public final class Market {

    public UUID id = UUID.randomUUID();
    public String kind = "OFFER";
    public UUID ownerId = UUID.randomUUID();
    public String status = "PUBLISHED";
    public List<String> skills = List.of("layout");
    public List<String> languages = List.of("fr");
    public String unit = "HOUR";
    public String amount = "38.00";
    public Integer hours = 20;
    public String turnaround = "PT24H";
    public boolean remote = true;
    public String region = "06";
    public String confidentiality = "NONE";
    public String titleFr = "Annonce";
    public String titleEn;
    public java.time.Duration expiresIn = java.time.Duration.ofDays(30);
    public boolean anonymous;

    public static Market offer(UUID secretaryId) {
        Market m = new Market();
        m.ownerId = secretaryId;
        m.languages = List.of("fr", "en");
        return m;
    }

    public static Market request(UUID clientId) {
        Market m = new Market();
        m.kind = "REQUEST";
        m.ownerId = clientId;
        m.amount = "40.00";
        m.hours = 10;
        m.turnaround = "PT48H";
        return m;
    }

    public Market amount(String value) {
        amount = value;
        return this;
    }

    public Market languages(String... values) {
        languages = List.of(values);
        return this;
    }

    public Market title(String fr, String en) {
        titleFr = fr;
        titleEn = en;
        return this;
    }

    /** A request whose client chose not to be named. */
    public Market anonymous() {
        anonymous = true;
        return this;
    }

    public Market skills(String... values) {
        skills = List.of(values);
        return this;
    }

    public String upsert() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String listing = "{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"status\":\"" + status + "\","
                + "\"title\":{\"fr\":\"" + titleFr + "\"" + (titleEn == null ? "" : ",\"en\":\"" + titleEn + "\"") + "},\"skills\":" + json(skills) + ",\"languages\":" + json(languages) + ","
                + "\"pricing\":{\"unit\":\"" + unit + "\",\"amount\":\"" + amount + "\",\"currency\":\"CAD\"},"
                + (hours == null ? "" : "\"hoursPerWeek\":" + hours + ",")
                + "\"turnaround\":\"" + turnaround + "\",\"remote\":" + remote + ",\"region\":\"" + region + "\","
                + "\"confidentiality\":\"" + confidentiality + "\",\"publicName\":\"Marie\",\"anonymous\":" + anonymous + ","
                + "\"ownerId\":\"" + ownerId + "\",\"publishedAt\":\"" + now + "\",\"expiresAt\":\"" + now.plus(expiresIn)
                + "\",\"promoted\":false,\"version\":1}";
        return "{\"id\":\"" + id + "\",\"op\":\"UPSERT\",\"status\":\"" + status + "\",\"changedAt\":\"" + now + "\",\"listing\":" + listing + "}";
    }

    public String tombstone(String newStatus) {
        return "{\"id\":\"" + id + "\",\"op\":\"TOMBSTONE\",\"status\":\"" + newStatus + "\",\"changedAt\":\"" + Instant.now() + "\"}";
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
