package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Closing an account and exporting one's data, where the gateway decides alone: who may, with which proof,
 * and that nothing changes when a service cannot do its part. (The whole flow across the real services is in
 * system-tests' EndToEndIT.) In this profile listings echoes, matching never answers and billing is down.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AccountClosureTest {

    @Test
    void closingNeedsTheSignedInPersonAndHerPassword() {
        given().contentType(ContentType.JSON).body(Map.of("password", "correct horse battery")).delete("/api/v1/me").then()
                .spec(unauthorized());
        String email = newEmail();
        register(email, "CLIENT");
        String access = token(email, "correct horse battery").getString("access_token");
        given().auth().oauth2(access).contentType(ContentType.JSON).header("Accept-Language", "en-CA")
                .body(Map.of("password", "not her password at all")).delete("/api/v1/me").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("WRONG_PASSWORD"));
        given().auth().oauth2(access).contentType(ContentType.JSON).body("{}").delete("/api/v1/me").then().statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"));
        // no body at all: the password it needs is missing, like "{}"
        given().auth().oauth2(access).delete("/api/v1/me").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void whenBillingCannotEraseNothingChangesAndTheAccountStaysOpen() {
        String email = newEmail();
        register(email, "SECRETARY");
        var session = token(email, "correct horse battery");
        given().auth().oauth2(session.getString("access_token")).contentType(ContentType.JSON)
                .body(Map.of("password", "correct horse battery")).delete("/api/v1/me").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5");
        given().auth().oauth2(session.getString("access_token")).get("/api/v1/me").then().statusCode(200).body("email", equalTo(email));
        token(email, "correct horse battery");
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", session.getString("refresh_token")))
                .post("/api/v1/auth/refresh").then().statusCode(200);
    }

    @Test
    void anAdminAccountIsNotClosedThisWay() {
        String admin = AccountModerationTest.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("password", "admin-password-for-tests"))
                .delete("/api/v1/me").then().statusCode(409).body("code", equalTo("ADMIN_NOT_CLOSED"));
    }

    @Test
    void anExportIsCompleteOrNotGiven() {
        String email = newEmail();
        register(email, "CLIENT");
        String access = token(email, "correct horse battery").getString("access_token");
        given().get("/api/v1/me/export").then().spec(unauthorized());
        // matching never answers here: no partial document
        given().auth().oauth2(access).get("/api/v1/me/export").then().statusCode(503).contentType("application/problem+json");
    }
}
