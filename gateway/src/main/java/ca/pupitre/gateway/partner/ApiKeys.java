package ca.pupitre.gateway.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Partner API keys: {@code pk_live_<8 lowercase letters or digits>_<32 random bytes, base64url>}.
 * The first 16 characters are the public prefix (shown in listings, used to find the key); the
 * whole text is stored only as its SHA-256.
 */
public final class ApiKeys {

    public static final String START = "pk_live_";
    static final int PREFIX_LENGTH = START.length() + 8;
    private static final Pattern SHAPE = Pattern.compile("^pk_live_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key: its full text (shown once), its prefix and its hash (stored). */
    public record Minted(String key, String prefix, String hash) {
    }

    private ApiKeys() {
    }

    public static Minted mint() {
        StringBuilder prefix = new StringBuilder(START);
        for (int i = 0; i < 8; i++) {
            prefix.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Minted(key, prefix.toString(), HexFormat.of().formatHex(sha256(key)));
    }

    /** The prefix of a presented key, or empty when it does not even look like one of ours. */
    public static Optional<String> prefixOf(String presented) {
        if (presented == null || !SHAPE.matcher(presented).matches()) {
            return Optional.empty();
        }
        return Optional.of(presented.substring(0, PREFIX_LENGTH));
    }

    /** Constant-time comparison of a presented key with a stored hex SHA-256. */
    public static boolean matches(String presented, String storedHexHash) {
        return MessageDigest.isEqual(sha256(presented), HexFormat.of().parseHex(storedHexHash));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
