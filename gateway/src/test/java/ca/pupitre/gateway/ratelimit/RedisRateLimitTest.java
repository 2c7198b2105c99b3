package ca.pupitre.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.gateway.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway with {@code pupitre.rate-limit.redis-url} set: buckets live in the real Redis; skipped without one (failed in CI). */
@QuarkusTest
@TestProfile(RedisRateLimitTest.WithRedis.class)
class RedisRateLimitTest {

    public static class WithRedis extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pupitre.rate-limit.redis-url", "redis://127.0.0.1:6379",
                    "pupitre.rate-limit.capacity", "3");
        }
    }

    @BeforeEach
    void redisIsThere() {
        RedisAtHand.requireOrSkip();
    }

    @Test
    void limitsAPartnerThroughTheSharedStore() {
        String admin = given().contentType(ContentType.JSON)
                .body(Map.of("email", "admin@pupitre.test", "password", "admin-password-for-tests"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Redis", "contactEmail", "redis@example.ca", "feeds", List.of("JOBS_XML")))
                .post("/api/v1/partners").then().statusCode(201).extract().path("apiKey");
        for (int i = 1; i <= 3; i++) {
            given().header("X-Api-Key", key).get("/api/v1/feeds/jobs.xml").then().statusCode(200)
                    .header("RateLimit-Remaining", String.valueOf(3 - i));
        }
        var refused = given().header("X-Api-Key", key).get("/api/v1/feeds/jobs.xml");
        refused.then().statusCode(429).body("code", equalTo("RATE_LIMITED")).header("RateLimit-Limit", "3");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
    }
}
