package ca.pupitre.matching.domain.ranking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Listings for the ranking tests. */
final class MarketFixtures {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final SkillRelations SKILLS = new SkillRelations(List.of(
            new SkillRelations.Skill("transcription", "documents", List.of("Transcription", "dactylographie", "typing")),
            new SkillRelations.Skill("layout", "documents", List.of("Mise en page", "Document layout", "formatting")),
            new SkillRelations.Skill("bookkeeping", "accounting", List.of("Tenue de livres", "Bookkeeping")),
            new SkillRelations.Skill("payroll", "accounting", List.of("Paie", "Payroll"))));

    private MarketFixtures() {
    }

    static ListingFacts request(Set<String> skills, String amount) {
        return new ListingFacts(UUID.randomUUID(), "REQUEST", UUID.randomUUID(), "PUBLISHED", skills, Set.of("fr"), "HOUR",
                new BigDecimal(amount), 10, Duration.ofHours(48), true, "06", "NONE", NOW.plusSeconds(86_400));
    }

    static ListingFacts offer(Set<String> skills, String amount) {
        return new ListingFacts(UUID.randomUUID(), "OFFER", UUID.randomUUID(), "PUBLISHED", skills, Set.of("fr", "en"), "HOUR",
                new BigDecimal(amount), 20, Duration.ofHours(24), true, "06", "NONE", NOW.plusSeconds(86_400));
    }

    static ListingFacts with(ListingFacts l, String field, Object value) {
        return new ListingFacts(l.id(), l.kind(), l.ownerId(),
                field.equals("status") ? (String) value : l.status(),
                l.skills(),
                field.equals("languages") ? (Set<String>) value : l.languages(),
                field.equals("unit") ? (String) value : l.unit(),
                field.equals("amount") ? new BigDecimal((String) value) : l.amount(),
                field.equals("hours") ? (Integer) value : l.hoursPerWeek(),
                field.equals("turnaround") ? (Duration) value : l.turnaround(),
                field.equals("remote") ? (Boolean) value : l.remote(),
                field.equals("region") ? (String) value : l.region(),
                field.equals("confidentiality") ? (String) value : l.confidentiality(),
                field.equals("expiresAt") ? (Instant) value : l.expiresAt());
    }

    static SecretaryRecord established(int reviews, double average) {
        return new SecretaryRecord(10, 20, 18, 6.0, reviews, (int) Math.round(reviews * average));
    }
}
