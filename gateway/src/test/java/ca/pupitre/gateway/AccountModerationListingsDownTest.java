package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When listings cannot hide a disabled account's listings, nothing is disabled: the admin retries. */
@QuarkusTest
@TestProfile(AccountModerationListingsDownTest.ListingsDown.class)
class AccountModerationListingsDownTest {

    public static class ListingsDown extends GatewayTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pupitre.upstream.listings-url", "http://127.0.0.1:1");
        }
    }

    @Test
    void listingsUnreachableMeansA503AndNothingChanged() {
        String email = newEmail();
        String id = register(email, "CLIENT").getString("id");
        String refresh = token(email, "correct horse battery").getString("refresh_token");
        given().auth().oauth2(AccountModerationTest.admin()).contentType(ContentType.JSON).body(Map.of("reason", "spam"))
                .post("/api/v1/admin/accounts/" + id + "/disable").then().statusCode(503)
                .body("code", equalTo("SERVICE_UNAVAILABLE")).header("Retry-After", "5");
        token(email, "correct horse battery");
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh)).post("/api/v1/auth/refresh").then().statusCode(200);
    }
}
