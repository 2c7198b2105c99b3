package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service whose secret is not configured (empty env var) gets no token, and the gateway still starts. */
@QuarkusTest
@TestProfile(UnconfiguredServiceClientTest.NoBillingSecret.class)
class UnconfiguredServiceClientTest {

    public static class NoBillingSecret extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pupitre.service-clients.billing", "");
        }
    }

    @Test
    void aServiceWithoutAConfiguredSecretGetsNoToken() {
        given().contentType(ContentType.JSON).body(Map.of("clientId", "billing", "clientSecret", "anything at all"))
                .post("/api/v1/auth/service-token").then().statusCode(401).body("code", equalTo("INVALID_CLIENT"));
        given().contentType(ContentType.JSON).body(Map.of("clientId", "listings", "clientSecret", "listings-secret-for-tests"))
                .post("/api/v1/auth/service-token").then().statusCode(200);
    }
}
