package ca.pupitre.listings.rest.dto;

/** One skill of the taxonomy: a stable slug, its category, labels and search synonyms in both languages. */
public record SkillView(String code, String category, LocalizedText label, LocalizedList synonyms) {
}
