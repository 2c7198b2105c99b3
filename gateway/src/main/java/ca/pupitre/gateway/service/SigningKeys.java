package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.security.SecureRandom;
import java.util.stream.Stream;

/**
 * The RS256 keys the gateway signs tokens with. At start it loads the keys from the keys folder,
 * generating one if there is none or if the newest is older than {@code pupitre.keys.rotate-after}.
 * The newest key signs; the two newest are published in the JWKS so that tokens signed just
 * before a rotation stay valid, and services (which fetch the JWKS by URL and refetch on an
 * unknown {@code kid}) follow a rotation without a redeploy.
 */
public final class SigningKeys {

    public record SigningKey(String kid, Instant createdAt, RSAPrivateCrtKey privateKey) {
    }

    private static final int PUBLISHED = 2;
    private final List<SigningKey> keys;
    private final String jwks;

    private SigningKeys(List<SigningKey> newestFirst, ObjectMapper json) {
        this.keys = List.copyOf(newestFirst);
        this.jwks = toJwks(keys.subList(0, Math.min(PUBLISHED, keys.size())), json);
    }

    public static SigningKeys loadOrCreate(GatewayConfig.Keys config, Clock clock, ObjectMapper json) {
        Path dir = config.dir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            List<SigningKey> keys = new ArrayList<>(read(dir, json));
            keys.sort(Comparator.comparing(SigningKey::createdAt).reversed());
            Instant now = clock.instant();
            if (keys.isEmpty() || keys.get(0).createdAt().atOffset(ZoneOffset.UTC).plus(config.rotateAfter()).toInstant().isBefore(now)) {
                keys.add(0, generate(dir, now, json));
            }
            SigningKeys signingKeys = new SigningKeys(keys, json);
            Path tmp = Files.createTempFile(dir, "jwks", ".tmp");
            Files.writeString(tmp, signingKeys.jwks);
            Files.move(tmp, dir.resolve("jwks.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return signingKeys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare signing keys in " + dir, e);
        }
    }

    public SigningKey active() {
        return keys.get(0);
    }

    /** The public JSON Web Key Set, as served at {@code /.well-known/jwks.json}. */
    public String jwks() {
        return jwks;
    }

    private static List<SigningKey> read(Path dir, ObjectMapper json) throws IOException {
        List<SigningKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".key.json")).toList()) {
                ObjectNode node = (ObjectNode) json.readTree(file.toFile());
                byte[] pkcs8 = Base64.getDecoder().decode(node.get("pkcs8").asText());
                keys.add(new SigningKey(node.get("kid").asText(), Instant.parse(node.get("createdAt").asText()), privateKey(pkcs8)));
            }
        }
        return keys;
    }

    private static SigningKey generate(Path dir, Instant now, ObjectMapper json) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            byte[] random = new byte[4];
            new SecureRandom().nextBytes(random);
            String kid = "pupitre-" + now.toString().substring(0, 10) + "-" + HexFormat.of().formatHex(random);
            ObjectNode node = json.createObjectNode()
                    .put("kid", kid)
                    .put("createdAt", now.toString())
                    .put("pkcs8", Base64.getEncoder().encodeToString(key.getEncoded()));
            Path file = dir.resolve(kid + ".key.json");
            Files.writeString(file, json.writeValueAsString(node));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // non-POSIX file system: rely on the folder's own permissions
            }
            return new SigningKey(kid, now, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static RSAPrivateCrtKey privateKey(byte[] pkcs8) {
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return (RSAPrivateCrtKey) key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable signing key", e);
        }
    }

    private static String toJwks(List<SigningKey> published, ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("keys");
        for (SigningKey key : published) {
            array.addObject()
                    .put("kty", "RSA")
                    .put("use", "sig")
                    .put("alg", "RS256")
                    .put("kid", key.kid())
                    .put("n", base64Url(key.privateKey().getModulus()))
                    .put("e", base64Url(key.privateKey().getPublicExponent()));
        }
        try {
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] unsigned = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, unsigned, 0, unsigned.length);
            bytes = unsigned;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The public key spec of a private key, for tests and verification. */
    public static RSAPublicKeySpec publicSpec(RSAPrivateCrtKey key) {
        return new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent());
    }
}
