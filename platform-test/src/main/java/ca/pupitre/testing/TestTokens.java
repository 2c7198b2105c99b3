package ca.pupitre.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Real RS256 tokens for tests, signed with a key pair generated for this test run. Services under
 * test verify them against a JWKS file written here, exactly as they verify the gateway's tokens
 * against its JWKS URL in production. Also mints the bad tokens every service must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "pupitre";
    public static final String KID = "test-key";
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static Path jwksFile;

    private TestTokens() {
    }

    /** Where the public key of this run is published (a JWKS file), for {@code mp.jwt.verify.publickey.location}. */
    public static synchronized Path jwksFile() {
        if (jwksFile == null) {
            try {
                jwksFile = Files.createTempFile("pupitre-test-jwks", ".json");
                jwksFile.toFile().deleteOnExit();
                RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
                Files.writeString(jwksFile, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID
                        + "\",\"n\":\"" + b64(key.getModulus()) + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}]}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwksFile;
    }

    public static String secretary(UUID id) {
        return token(id.toString(), "SECRETARY");
    }

    public static String client(UUID id) {
        return token(id.toString(), "CLIENT");
    }

    public static String admin(UUID id) {
        return token(id.toString(), "ADMIN");
    }

    public static String service(String name) {
        return token("service:" + name, "SERVICE");
    }

    public static String partner(UUID partnerId) {
        return builder("partner:" + partnerId, "PARTNER").claim("partnerId", partnerId.toString()).jws().keyId(KID)
                .algorithm(SignatureAlgorithm.RS256).sign(KEYS.getPrivate());
    }

    /** A person's token as the gateway mints it at sign-in, with its {@code email}, {@code name} and {@code locale} claims. */
    public static String person(UUID id, String role, String email, String name, String locale) {
        return builder(id.toString(), role).claim("email", email).claim("name", name).claim("locale", locale)
                .jws().keyId(KID).algorithm(SignatureAlgorithm.RS256).sign(KEYS.getPrivate());
    }

    /** A PARTNER token as the gateway mints it for an API key, limited to {@code feeds}. */
    public static String partner(UUID partnerId, List<String> feeds) {
        return builder("partner:" + partnerId, "PARTNER").claim("partnerId", partnerId.toString()).claim("feeds", feeds)
                .jws().keyId(KID).algorithm(SignatureAlgorithm.RS256).sign(KEYS.getPrivate());
    }

    /** A person's token with the gateway's {@code account_created} claim (epoch seconds). */
    public static String person(UUID id, String role, Instant accountCreated) {
        return builder(id.toString(), role).claim("account_created", accountCreated.getEpochSecond())
                .jws().keyId(KID).algorithm(SignatureAlgorithm.RS256).sign(KEYS.getPrivate());
    }

    /** A valid token for {@code subject} with one role. */
    public static String token(String subject, String role) {
        return builder(subject, role).jws().keyId(KID).algorithm(SignatureAlgorithm.RS256).sign(KEYS.getPrivate());
    }

    public static String expired(String subject, String role) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(role).issuedAt(past.minusSeconds(900))
                .expiresAt(past).jws().keyId(KID).algorithm(SignatureAlgorithm.RS256).sign(KEYS.getPrivate());
    }

    public static String wrongIssuer(String subject, String role) {
        return Jwt.issuer("someone-else").subject(subject).upn(subject).groups(role).expiresIn(900)
                .jws().keyId(KID).algorithm(SignatureAlgorithm.RS256).sign(KEYS.getPrivate());
    }

    /** Signed with a key nobody published, under the published key's id. */
    public static String wrongKey(String subject, String role) {
        return builder(subject, role).jws().keyId(KID).algorithm(SignatureAlgorithm.RS256).sign(OTHER_KEYS.getPrivate());
    }

    /** A valid token whose payload was changed afterwards (here: promoted to ADMIN), signature left as it was. */
    public static String tampered(String subject, String role) {
        String[] parts = token(subject, role).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + role + "\"", "\"ADMIN\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /**
     * The tokens every protected endpoint must refuse with 401, by name, each differing from a good
     * token of {@code role} in one way only. Use as a {@code @MethodSource} for a parameterized test.
     */
    public static Map<String, String> badTokens(String subject, String role) {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", expired(subject, role));
        bad.put("wrong issuer", wrongIssuer(subject, role));
        bad.put("wrong key", wrongKey(subject, role));
        bad.put("tampered", tampered(subject, role));
        bad.put("garbage", "not.a.jwt");
        return bad;
    }

    /**
     * People's tokens say their e-mail address is verified, as the gateway's do once the person used her link
     * ({@link #unverified} for the refusals).
     */
    private static JwtClaimsBuilder builder(String subject, String role) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(role).expiresIn(900)
                .claim("jti", UUID.randomUUID().toString());
        return PEOPLE.contains(role) ? claims.claim("email_verified", true) : claims;
    }

    private static final Set<String> PEOPLE = Set.of("SECRETARY", "CLIENT", "ADMIN");

    /** A person's token before she verified her e-mail address ({@code email_verified} false). */
    public static String unverified(UUID id, String role) {
        return builder(id.toString(), role).claim("email_verified", false).jws().keyId(KID)
                .algorithm(SignatureAlgorithm.RS256).sign(KEYS.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int offset = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(bytes, offset, bytes.length));
    }
}
