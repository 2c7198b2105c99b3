package ca.pupitre.gateway.service;

import ca.pupitre.platform.problem.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be, on registration, change and reset: 10 to 128 characters, not one of the
 * common passwords shipped with the code ({@code passwords/common.txt}), not the e-mail address or its
 * name part, and not one character repeated.
 */
public final class PasswordPolicy {

    public static final int MIN = 10;
    public static final int MAX = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Throws 422 {@code WEAK_PASSWORD} (the reason in its detail) when {@code password} does not qualify. */
    public static void check(String password, String email) {
        String reason = weakness(password, email);
        if (reason != null) {
            throw ProblemException.unprocessable("WEAK_PASSWORD", reason);
        }
    }

    /** Why the password does not qualify (a short code), or null. */
    public static String weakness(String password, String email) {
        if (password == null || password.length() < MIN || password.length() > MAX) {
            return "length";
        }
        String plain = password.toLowerCase(Locale.ROOT).replace(" ", "");
        if (COMMON.contains(plain)) {
            return "common";
        }
        if (plain.chars().distinct().count() == 1) {
            return "repeated";
        }
        if (email != null) {
            String address = email.toLowerCase(Locale.ROOT).strip();
            String name = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (plain.equals(address.replace(" ", "")) || (name.length() >= 4 && plain.equals(name))) {
                return "email";
            }
        }
        return null;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/passwords/common.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT).replace(" ", ""));
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("passwords/common.txt is missing from the gateway", e);
        }
        return Set.copyOf(words);
    }
}
