package ca.pupitre.listings.service;

import ca.pupitre.listings.api.SkillView;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bilingual skills taxonomy (data in {@code skills.json}: stable slugs, labels, synonyms) and the
 * query expansion built on it: a search phrase that names a skill in either language is replaced by
 * all the skill's names in both languages, so "tenue de livres" also finds "bookkeeping".
 */
@Singleton
public class SkillTaxonomy {

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Bounds of skills.json that the OpenAPI document states; the taxonomy refuses to load a file beyond them. */
    public static final int SKILLS_MAX = 100;
    public static final int CATEGORY_MAX = 32;
    public static final int SYNONYMS_MAX = 20;
    public static final int PHRASE_MAX = 80;

    private final Map<String, SkillView> skills = new LinkedHashMap<>();
    /** Normalized phrase → the codes it names; longest phrases first. */
    private final List<Map.Entry<String, String>> phrases = new ArrayList<>();

    public SkillTaxonomy(ObjectMapper json) {
        try (InputStream in = SkillTaxonomy.class.getClassLoader().getResourceAsStream("skills.json")) {
            if (in == null) {
                throw new IllegalStateException("skills.json missing from the classpath");
            }
            for (SkillView skill : json.readValue(in, new TypeReference<List<SkillView>>() { })) {
                checkBounds(skill);
                skills.put(skill.code(), skill);
            }
            if (skills.size() > SKILLS_MAX) {
                throw new IllegalStateException("skills.json: more than " + SKILLS_MAX + " skills");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> byPhrase = new LinkedHashMap<>();
        for (SkillView skill : skills.values()) {
            for (String name : names(skill)) {
                byPhrase.putIfAbsent(normalize(name), skill.code());
            }
        }
        phrases.addAll(byPhrase.entrySet());
        phrases.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
    }

    public Collection<SkillView> all() {
        return skills.values();
    }

    public boolean exists(String code) {
        return skills.containsKey(code);
    }

    public Optional<SkillView> find(String code) {
        return Optional.ofNullable(skills.get(code));
    }

    /** Labels and synonyms of {@code codes} in one language, as one text (indexed with search weight B). */
    public String searchText(List<String> codes, boolean french) {
        return codes.stream().map(skills::get).filter(s -> s != null)
                .flatMap(s -> french
                        ? Stream.concat(Stream.of(s.label().fr()), s.synonyms().fr().stream())
                        : Stream.concat(Stream.of(s.label().en()), s.synonyms().en().stream()))
                .collect(Collectors.joining(" ; "));
    }

    /** Lower case, no accents, words separated by single spaces (as {@code lower(unaccent())} would, roughly). */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = DIACRITICS.matcher(decomposed).replaceAll("");
        return NON_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /**
     * Splits a query into what the taxonomy recognises and the rest. Each recognised skill becomes a
     * group {@code fr:name;fr:name;en:name...} of all its names, each tagged with its language (see
     * {@code bilingual_tsquery} in the V1 migration).
     */
    public Expansion expand(String query) {
        String rest = " " + normalize(query) + " ";
        Set<String> codes = new LinkedHashSet<>();
        for (Map.Entry<String, String> phrase : phrases) {
            String needle = " " + phrase.getKey() + " ";
            if (!phrase.getKey().isEmpty() && rest.contains(needle)) {
                codes.add(phrase.getValue());
                rest = rest.replace(needle, "  ");
            }
        }
        List<String> groups = new ArrayList<>();
        for (String code : codes) {
            SkillView skill = skills.get(code);
            LinkedHashSet<String> phrases = new LinkedHashSet<>();
            Stream.concat(Stream.of(skill.label().fr()), skill.synonyms().fr().stream())
                    .map(SkillTaxonomy::normalize).filter(n -> !n.isEmpty()).forEach(n -> phrases.add("fr:" + n));
            Stream.concat(Stream.of(skill.label().en()), skill.synonyms().en().stream())
                    .map(SkillTaxonomy::normalize).filter(n -> !n.isEmpty()).forEach(n -> phrases.add("en:" + n));
            groups.add(String.join(";", phrases));
        }
        return new Expansion(rest.trim().replaceAll(" +", " "), List.copyOf(codes), groups);
    }

    private static void checkBounds(SkillView skill) {
        boolean within = skill.code() != null && skill.code().length() <= ListingValidator.SKILL_CODE_MAX
                && (skill.category() == null || skill.category().length() <= CATEGORY_MAX)
                && within(skill.synonyms().fr()) && within(skill.synonyms().en());
        if (!within) {
            throw new IllegalStateException("skills.json: skill " + skill.code() + " exceeds the documented bounds");
        }
    }

    private static boolean within(List<String> phrases) {
        return phrases.size() <= SYNONYMS_MAX && phrases.stream().allMatch(p -> p.length() <= PHRASE_MAX);
    }

    private static List<String> names(SkillView skill) {
        List<String> names = new ArrayList<>();
        names.add(skill.label().fr());
        names.add(skill.label().en());
        names.addAll(skill.synonyms().fr());
        names.addAll(skill.synonyms().en());
        return names;
    }

    /** The unrecognised rest of the query, the skills recognised, and their websearch groups. */
    public record Expansion(String rest, List<String> skills, List<String> groups) {
    }
}
