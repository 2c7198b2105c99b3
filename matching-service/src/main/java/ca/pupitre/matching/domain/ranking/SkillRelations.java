package ca.pupitre.matching.domain.ranking;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The skills taxonomy as ranking uses it: any label or synonym (either language, accents and case ignored)
 * names a skill code; two different skills of the same category are "related" (partial credit).
 */
public final class SkillRelations {

    /** One taxonomy entry. */
    public record Skill(String code, String category, List<String> names) {
    }

    public static final SkillRelations EMPTY = new SkillRelations(List.of());

    private final Map<String, String> codeByName = new HashMap<>();
    private final Map<String, String> canonicalCache = new ConcurrentHashMap<>();
    private final Map<String, String> categoryByCode = new HashMap<>();

    public SkillRelations(List<Skill> skills) {
        for (Skill skill : skills) {
            categoryByCode.put(skill.code(), skill.category());
            codeByName.put(normalize(skill.code()), skill.code());
        }
        for (Skill skill : skills) {
            for (String name : skill.names()) {
                codeByName.putIfAbsent(normalize(name), skill.code());
            }
        }
    }

    /** The taxonomy code a slug, label or synonym names; the input itself when the taxonomy does not know it. */
    public String canonical(String skill) {
        if (categoryByCode.containsKey(skill)) {
            return skill;
        }
        return canonicalCache.computeIfAbsent(skill, s -> codeByName.getOrDefault(normalize(s), s));
    }

    /** The codes {@code skills} name; the same set when they already are codes (the usual case). */
    public Set<String> canonical(Set<String> skills) {
        boolean same = true;
        for (String skill : skills) {
            if (!canonical(skill).equals(skill)) {
                same = false;
                break;
            }
        }
        if (same) {
            return skills;
        }
        Set<String> out = new HashSet<>();
        for (String skill : skills) {
            out.add(canonical(skill));
        }
        return out;
    }

    /** Different known skills of the same category. */
    public boolean related(String a, String b) {
        String codeA = canonical(a);
        String codeB = canonical(b);
        String category = categoryByCode.get(codeA);
        return category != null && !codeA.equals(codeB) && category.equals(categoryByCode.get(codeB));
    }

    public int size() {
        return categoryByCode.size();
    }

    static String normalize(String text) {
        String stripped = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
