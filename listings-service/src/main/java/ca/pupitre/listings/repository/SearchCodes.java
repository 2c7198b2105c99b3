package ca.pupitre.listings.repository;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Skill and language codes numbered in the order this JVM first meets them (the numbers are never
 * stored nor sent), so that a {@link SearchMatch} holds two small int arrays instead of strings.
 */
public final class SearchCodes {

    public static final SearchCodes SKILLS = new SearchCodes();
    public static final SearchCodes LANGUAGES = new SearchCodes();

    private final Map<String, Integer> index = new ConcurrentHashMap<>();
    private final List<String> codes = new CopyOnWriteArrayList<>();

    private SearchCodes() {
    }

    public int intern(String code) {
        Integer known = index.get(code);
        return known != null ? known : add(code);
    }

    private synchronized int add(String code) {
        Integer known = index.get(code);
        if (known != null) {
            return known;
        }
        codes.add(code);
        index.put(code, codes.size() - 1);
        return codes.size() - 1;
    }

    /** The code's number, or -1 when no listing in this JVM ever had it. */
    public int find(String code) {
        return index.getOrDefault(code, -1);
    }

    public int size() {
        return codes.size();
    }

    public String code(int number) {
        return codes.get(number);
    }

    public int[] internAll(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isEmpty()) {
            return new int[0];
        }
        String[] parts = commaSeparated.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = intern(parts[i]);
        }
        return out;
    }
}
