package ca.pupitre.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's generated credentials: one database password per service role, one client
 * secret per service (listings, matching, billing), the dev administrator and the demo accounts'
 * password. Kept in {@code secrets.properties} (mode 600) so that they survive restarts; missing
 * entries are generated with {@link SecureRandom} and added.
 */
public final class Secrets {

    /** Services that authenticate to the gateway with a client secret. */
    public static final List<String> SECRET_SERVICES = List.of("listings", "matching", "billing");

    public static final String DEFAULT_ADMIN_EMAIL = "admin@pupitre.local";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Properties values;

    private Secrets(Properties values) {
        this.values = values;
    }

    /** Fresh in-memory secrets (for tests). */
    public static Secrets generate() {
        Properties p = new Properties();
        fillMissing(p);
        return new Secrets(p);
    }

    /** Reads {@code file}, generates what is missing and writes it back with permissions 600. */
    public static Secrets loadOrCreate(Path file) {
        try {
            Properties p = new Properties();
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
            if (fillMissing(p) || !Files.exists(file)) {
                write(file, p);
            }
            restrictPermissions(file);
            return new Secrets(p);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
    }

    /** Password of each service role: gateway, listings, matching, billing. */
    public Map<String, String> rolePasswords() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String role : DatabaseBootstrap.SERVICE_ROLES) {
            m.put(role, values.getProperty("db.password." + role));
        }
        return m;
    }

    /** Client secret of listings, matching and billing. */
    public Map<String, String> serviceSecrets() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String service : SECRET_SERVICES) {
            m.put(service, values.getProperty("service.secret." + service));
        }
        return m;
    }

    public String adminEmail() {
        return values.getProperty("admin.email");
    }

    public String adminPassword() {
        return values.getProperty("admin.password");
    }

    /** Password of the accounts created by {@code --demo}. */
    public String demoPassword() {
        return values.getProperty("demo.password");
    }

    /**
     * A random password of 4 groups of 6 characters (about 140 bits) that always contains an upper
     * case letter, a lower case letter and a digit, and nothing needing quotes in a shell, URL or
     * {@code .env} file.
     */
    public static String newPassword() {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 24; i++) {
                if (i > 0 && i % 6 == 0) {
                    sb.append('-');
                }
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String s = sb.toString();
            if (s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                    && s.chars().anyMatch(Character::isDigit)) {
                return s;
            }
        }
    }

    private static boolean fillMissing(Properties p) {
        boolean changed = false;
        for (String role : DatabaseBootstrap.SERVICE_ROLES) {
            changed |= putIfAbsent(p, "db.password." + role, newPassword());
        }
        for (String service : SECRET_SERVICES) {
            changed |= putIfAbsent(p, "service.secret." + service, newPassword() + newPassword());
        }
        changed |= putIfAbsent(p, "admin.email", DEFAULT_ADMIN_EMAIL);
        changed |= putIfAbsent(p, "admin.password", newPassword());
        changed |= putIfAbsent(p, "demo.password", newPassword());
        return changed;
    }

    private static boolean putIfAbsent(Properties p, String key, String value) {
        String current = p.getProperty(key);
        if (current != null && !current.isBlank()) {
            return false;
        }
        p.setProperty(key, value);
        return true;
    }

    private static void write(Path file, Properties p) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".secrets", ".tmp");
        try {
            restrictPermissions(tmp);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Pupitre local secrets, generated by the launcher. Keep private (mode 600).\n"
                        + "Delete this file and .pupitre/pgdata together to start over.");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrictPermissions(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
