package ca.pupitre.gateway.partner;

import static ca.pupitre.testing.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import ca.pupitre.gateway.GatewayTestProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Partners and keys end to end: admin endpoints, the X-Api-Key exchange seen from the echo
 * upstream, revocation, rotation with its grace period (4 s in the test profile) and the
 * per-partner rate limit (10 burst, 0.1 per second in the test profile).
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class PartnerResourceTest {

    private static final int CAPACITY = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String adminToken() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@pupitre.test", "password", "admin-password-for-tests"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static String clientToken() {
        String email = "client-" + UUID.randomUUID() + "@example.ca";
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct horse battery", "displayName", "Cabinet Tremblay",
                        "role", "CLIENT", "locale", "fr-CA"))
                .post("/api/v1/auth/register").then().statusCode(201);
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "correct horse battery"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    /** A PARTNER token signed by the gateway's own key, as the exchange would forward it. */
    private static String partnerToken() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target/test-keys"))) {
            Path newest = files.filter(f -> f.toString().endsWith(".key.json"))
                    .max(Comparator.comparing(f -> f.getFileName().toString())).orElseThrow();
            JsonNode node = JSON.readTree(newest.toFile());
            var key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(node.get("pkcs8").asText())));
            return Jwt.issuer("pupitre").subject("partner:" + UUID.randomUUID()).groups("PARTNER")
                    .expiresAt(Instant.now().plusSeconds(600)).jws().keyId(node.get("kid").asText())
                    .algorithm(SignatureAlgorithm.RS256).sign(key);
        }
    }

    private static JsonPath register(String admin, String name, List<String> feeds) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "contactEmail", "flux@" + UUID.randomUUID() + ".example", "feeds", feeds))
                .post("/api/v1/partners")
                .then().statusCode(201).extract().jsonPath();
    }

    private static Response withKey(String key) {
        return given().header("X-Api-Key", key).header("Accept-Language", "en").get("/api/v1/feeds/jobs.jsonld");
    }

    private static JsonNode payloadOf(String authorization) throws Exception {
        assertThat(authorization).startsWith("Bearer ");
        String[] parts = authorization.substring(7).split("\\.");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    @Test
    void adminRegistersAPartnerAndSeesTheKeyOnlyOnce() {
        String admin = adminToken();
        Response created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Emplois Québec Plus", "contactEmail", "flux@emploisqc.example",
                        "feeds", List.of("JOBS_XML", "JOBS_JSONLD")))
                .post("/api/v1/partners");
        created.then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("id", notNullValue())
                .body("name", equalTo("Emplois Québec Plus"))
                .body("feeds", equalTo(List.of("JOBS_JSONLD", "JOBS_XML")))
                .body("createdAt", notNullValue())
                .body("apiKey", startsWith("pk_live_"))
                .body("keyPrefix", startsWith("pk_live_"));
        String id = created.path("id");
        String key = created.path("apiKey");
        String prefix = created.path("keyPrefix");
        assertThat(created.header("Location")).endsWith("/api/v1/partners/" + id);
        assertThat(key).startsWith(prefix + "_");

        String one = given().auth().oauth2(admin).get("/api/v1/partners/" + id)
                .then().statusCode(200)
                .body("keys.prefix", equalTo(List.of(prefix)))
                .body("keys[0].status", equalTo("ACTIVE"))
                .body("keys[0].createdAt", notNullValue())
                .extract().asString();
        String all = given().auth().oauth2(admin).get("/api/v1/partners")
                .then().statusCode(200).body("id", hasItem(id)).extract().asString();
        assertThat(one).doesNotContain(key).doesNotContain(key.substring(17)).doesNotContain("apiKey");
        assertThat(all).doesNotContain(key).doesNotContain(key.substring(17));
    }

    @Test
    void validatesARegistration() {
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "", "contactEmail", "not-an-email", "feeds", List.of()))
                .post("/api/v1/partners")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(adminToken()).get("/api/v1/partners/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("PARTNER_NOT_FOUND"));
    }

    @Test
    void onlyAdminsReachPartnerEndpoints() throws Exception {
        String id = register(adminToken(), "Petites annonces", List.of("SERVICES_ATOM")).getString("id");
        String prefix = "pk_live_00000000";
        List<Function<RequestSpecification, Response>> calls = List.of(
                r -> r.contentType(ContentType.JSON)
                        .body(Map.of("name", "X", "contactEmail", "x@example.ca", "feeds", List.of("CHANGES")))
                        .post("/api/v1/partners"),
                r -> r.get("/api/v1/partners"),
                r -> r.get("/api/v1/partners/" + id),
                r -> r.post("/api/v1/partners/" + id + "/keys/rotate"),
                r -> r.post("/api/v1/partners/" + id + "/keys/" + prefix + "/revoke"),
                r -> r.delete("/api/v1/partners/" + id + "/keys/" + prefix));
        String client = clientToken();
        String partner = partnerToken();
        for (Function<RequestSpecification, Response> call : calls) {
            call.apply(given()).then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHORIZED"));
            call.apply(given().auth().oauth2(client)).then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("FORBIDDEN"));
            call.apply(given().auth().oauth2(partner)).then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("FORBIDDEN"));
        }
        given().auth().oauth2(adminToken()).get("/api/v1/partners/" + id)
                .then().statusCode(200).body("keys.status", everyItem(equalTo("ACTIVE")));
    }

    @Test
    void exchangesTheKeyForAPartnerTokenAndNeverForwardsTheKey() throws Exception {
        JsonPath partner = register(adminToken(), "Jobillico-like", List.of("JOBS_JSONLD", "CHANGES"));
        String key = partner.getString("apiKey");
        Response answer = given().header("X-Api-Key", key).auth().oauth2("something-the-partner-sent")
                .get("/api/v1/feeds/jobs.jsonld");
        // A Bearer that is not ours is refused by the security layer before any exchange.
        assertThat(answer.statusCode()).isEqualTo(401);

        Response echoed = withKey(key);
        echoed.then().statusCode(200)
                .body("headers.x-api-key", nullValue())
                .header("RateLimit-Limit", String.valueOf(CAPACITY))
                .header("RateLimit-Remaining", notNullValue())
                .header("RateLimit-Reset", notNullValue());
        JsonNode claims = payloadOf(echoed.path("headers.authorization"));
        assertThat(claims.get("iss").asText()).isEqualTo("pupitre");
        assertThat(claims.get("sub").asText()).isEqualTo("partner:" + partner.getString("id"));
        assertThat(claims.get("partnerId").asText()).isEqualTo(partner.getString("id"));
        assertThat(claims.get("groups").toString()).isEqualTo("[\"PARTNER\"]");
        assertThat(claims.get("feeds").toString()).isEqualTo("[\"JOBS_JSONLD\",\"CHANGES\"]");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);

        // Whatever Authorization the partner sent is replaced, never forwarded alongside.
        String client = clientToken();
        Response replaced = given().header("X-Api-Key", key).auth().oauth2(client).get("/api/v1/feeds/changes");
        replaced.then().statusCode(200).body("headers.x-api-key", nullValue());
        assertThat(replaced.<String>path("headers.authorization")).doesNotContain(client);
        assertThat(payloadOf(replaced.path("headers.authorization")).get("partnerId").asText()).isEqualTo(partner.getString("id"));

        // The token is reused for the same key while it is fresh.
        assertThat((String) withKey(key).path("headers.authorization")).isEqualTo(echoed.path("headers.authorization"));
    }

    @Test
    void refusesUnknownAndMalformedKeys() {
        String real = register(adminToken(), "Faussaire", List.of("JOBS_XML")).getString("apiKey");
        String forged = real.substring(0, 17) + "A".repeat(43);
        for (String bad : List.of(forged, "pk_live_zzzzzzzz_" + "B".repeat(43), "not-a-key")) {
            withKey(bad).then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_API_KEY"))
                    .body("title", equalTo("Invalid API key"))
                    .header("RateLimit-Limit", nullValue());
        }
        given().header("X-Api-Key", "not-a-key").get("/api/v1/feeds/jobs.xml")
                .then().spec(problem(401, "INVALID_API_KEY")).body("title", equalTo("Clé d'API invalide"));
    }

    @Test
    void withoutKeyOrTokenPartnerPathsAreJustProxied() {
        // limited as anyone's public read (per address: 240 at the tests' scale of 1000), not from a partner's bucket
        given().get("/api/v1/feeds/jobs.xml").then().statusCode(200)
                .body("headers.authorization", nullValue())
                .header("RateLimit-Limit", "240000");
    }

    @Test
    void aRevokedKeyStopsAtOnce() {
        String admin = adminToken();
        JsonPath partner = register(admin, "Révoqué", List.of("JOBS_XML"));
        String key = partner.getString("apiKey");
        withKey(key).then().statusCode(200);
        given().auth().oauth2(admin).post("/api/v1/partners/" + partner.getString("id") + "/keys/"
                        + partner.getString("keyPrefix") + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("revokedAt", notNullValue());
        withKey(key).then().statusCode(401).body("code", equalTo("INVALID_API_KEY"));
    }

    @Test
    void deletingAKeyRevokesItToo() {
        String admin = adminToken();
        JsonPath partner = register(admin, "Supprimé", List.of("JOBS_XML"));
        withKey(partner.getString("apiKey")).then().statusCode(200);
        given().auth().oauth2(admin).delete("/api/v1/partners/" + partner.getString("id") + "/keys/"
                        + partner.getString("keyPrefix")).then().statusCode(204);
        withKey(partner.getString("apiKey")).then().spec(problem(401, "INVALID_API_KEY"));
        given().auth().oauth2(admin).delete("/api/v1/partners/" + partner.getString("id") + "/keys/pk_live_nothere0")
                .then().statusCode(404).body("code", equalTo("PARTNER_KEY_NOT_FOUND"));
    }

    @Test
    void aRotatedKeyWorksDuringTheGracePeriodThenStops() throws Exception {
        String admin = adminToken();
        JsonPath partner = register(admin, "Rotation", List.of("JOBS_JSONLD"));
        String id = partner.getString("id");
        String oldKey = partner.getString("apiKey");
        withKey(oldKey).then().statusCode(200);

        Response rotated = given().auth().oauth2(admin).post("/api/v1/partners/" + id + "/keys/rotate");
        rotated.then().statusCode(201).body("apiKey", startsWith("pk_live_"))
                .body("previousKeysValidUntil", notNullValue());
        String newKey = rotated.path("apiKey");
        assertThat(newKey).isNotEqualTo(oldKey);
        Instant graceEnd = Instant.parse(rotated.path("previousKeysValidUntil"));

        withKey(oldKey).then().statusCode(200);
        withKey(newKey).then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/partners/" + id).then().statusCode(200)
                .body("keys.find { it.prefix == '" + partner.getString("keyPrefix") + "' }.status", equalTo("GRACE"))
                .body("keys.find { it.prefix == '" + rotated.path("keyPrefix") + "' }.status", equalTo("ACTIVE"));

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), graceEnd).toMillis()) + 300);
        withKey(oldKey).then().statusCode(401).body("code", equalTo("INVALID_API_KEY"));
        withKey(newKey).then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/partners/" + id).then().statusCode(200)
                .body("keys.find { it.prefix == '" + partner.getString("keyPrefix") + "' }.status", equalTo("REVOKED"))
                .body("keys.status", not(hasItem("GRACE")));
    }

    @Test
    void limitsEachPartnerToItsOwnBucket() {
        String admin = adminToken();
        String greedy = register(admin, "Gourmand", List.of("JOBS_XML")).getString("apiKey");
        String other = register(admin, "Sobre", List.of("JOBS_XML")).getString("apiKey");
        for (int i = 1; i <= CAPACITY; i++) {
            withKey(greedy).then().statusCode(200)
                    .header("RateLimit-Limit", String.valueOf(CAPACITY))
                    .header("RateLimit-Remaining", String.valueOf(CAPACITY - i));
        }
        Response refused = withKey(greedy);
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .header("RateLimit-Limit", String.valueOf(CAPACITY))
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", notNullValue());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isGreaterThanOrEqualTo(retryAfter);
        assertThat(refused.<String>path("detail")).contains(String.valueOf(retryAfter));

        withKey(other).then().statusCode(200).header("RateLimit-Remaining", String.valueOf(CAPACITY - 1));
    }
}
