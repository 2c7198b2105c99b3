package ca.pupitre.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The search form as typed, given back to the page as is (nothing typed is lost), and turned into the API's
 * query: blanks are "no filter", the API validates the rest.
 */
public record SearchForm(String q, String kind, List<String> skill, String language, String region, String remote,
        String minRate, String maxRate, String sort, String cursor) {

    private static final Set<String> KINDS = Set.of("OFFER", "REQUEST");

    public SearchForm {
        skill = skill == null ? List.of() : skill.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    public String text() {
        return blankToNull(q);
    }

    public String kindOrNull() {
        return kind != null && KINDS.contains(kind) ? kind : null;
    }

    public List<String> skills() {
        return skill.isEmpty() ? null : skill;
    }

    public List<String> languages() {
        return blankToNull(language) == null ? null : List.of(language);
    }

    public String regionOrNull() {
        return blankToNull(region);
    }

    public Boolean remoteOrNull() {
        return "true".equals(remote) ? Boolean.TRUE : null;
    }

    public String minRateOrNull() {
        return blankToNull(minRate);
    }

    public String maxRateOrNull() {
        return blankToNull(maxRate);
    }

    public String sortOrNull() {
        return blankToNull(sort);
    }

    public String cursorOrNull() {
        return blankToNull(cursor);
    }

    public boolean isRemote() {
        return "true".equals(remote);
    }

    public boolean hasSkill(String code) {
        return skill.contains(code);
    }

    /** The query string of this search with another cursor ({@code null}: the first page). */
    public String queryWithCursor(String newCursor) {
        return query(null, null, newCursor);
    }

    /** This search with one more filter ({@code name=value}), from the first page: the facet links. */
    public String queryWith(String name, String value) {
        return query(name, value, null);
    }

    /** This search with {@code q} replaced (the "did you mean" link). */
    public String queryWithText(String text) {
        return query("q", text, null);
    }

    private String query(String name, String value, String newCursor) {
        List<String> parts = new ArrayList<>();
        add(parts, "q", "q".equals(name) ? value : q);
        add(parts, "kind", "kind".equals(name) ? value : kind);
        for (String s : skill) {
            add(parts, "skill", s);
        }
        if ("skill".equals(name) && !skill.contains(value)) {
            add(parts, "skill", value);
        }
        add(parts, "language", "language".equals(name) ? value : language);
        add(parts, "region", "region".equals(name) ? value : region);
        add(parts, "remote", remote);
        add(parts, "minRate", minRate);
        add(parts, "maxRate", maxRate);
        add(parts, "sort", sort);
        add(parts, "cursor", newCursor);
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
