package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad tokens are refused with 401 problem+json; each bad token differs from a good one in one way only. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class TokenSecurityTest {

    /** The gateway's own active signing key, read from the test keys folder. */
    static Signer gatewaySigner() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target/test-keys"))) {
            Path newest = files.filter(f -> f.toString().endsWith(".key.json"))
                    .max(Comparator.comparing(f -> f.getFileName().toString())).orElseThrow();
            JsonNode node = new ObjectMapper().readTree(newest.toFile());
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(node.get("pkcs8").asText())));
            return new Signer(node.get("kid").asText(), key);
        }
    }

    record Signer(String kid, PrivateKey key) {
        String sign(String issuer, String subject, String role, Instant expiresAt) {
            return Jwt.issuer(issuer).subject(subject).groups(role).issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt)
                    .jws().keyId(kid).algorithm(SignatureAlgorithm.RS256).sign(key);
        }
    }

    private String existingAccountId() {
        String email = AuthFlowTest.newEmail();
        return AuthFlowTest.register(email, "CLIENT").getString("id");
    }

    @Test
    void acceptsAGoodTokenSignedByTheGateway() throws Exception {
        String id = existingAccountId();
        String good = gatewaySigner().sign("pupitre", id, "CLIENT", Instant.now().plusSeconds(600));
        given().auth().oauth2(good).get("/api/v1/me").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        String expired = gatewaySigner().sign("pupitre", existingAccountId(), "CLIENT", Instant.now().minusSeconds(60));
        expectUnauthorized(expired);
    }

    @Test
    void refusesAWrongIssuer() throws Exception {
        String foreign = gatewaySigner().sign("not-pupitre", existingAccountId(), "CLIENT", Instant.now().plusSeconds(600));
        expectUnauthorized(foreign);
    }

    @Test
    void refusesATamperedToken() throws Exception {
        String good = gatewaySigner().sign("pupitre", existingAccountId(), "CLIENT", Instant.now().plusSeconds(600));
        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"CLIENT\"", "\"ADMIN\"");
        expectUnauthorized(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2]);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        expectUnauthorized(TestTokens.token(UUID.randomUUID().toString(), "CLIENT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "a.b.c", "Bearer"})
    void refusesGarbage(String garbage) {
        expectUnauthorized(garbage);
    }

    @Test
    void refusesAMissingToken() {
        given().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void refusesTheWrongRole() throws Exception {
        String partner = gatewaySigner().sign("pupitre", "partner:" + UUID.randomUUID(), "PARTNER", Instant.now().plusSeconds(600));
        given().auth().oauth2(partner).get("/api/v1/me").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    private static void expectUnauthorized(String token) {
        given().auth().oauth2(token).header("Accept-Language", "en")
                .get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHORIZED"))
                .body("title", equalTo("Authentication required"))
                .body("status", equalTo(401));
    }
}
