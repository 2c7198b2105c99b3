package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.problem;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins disable and re-enable accounts; nobody else can, and an admin account cannot be disabled. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AccountModerationTest {

    static String admin() {
        return token("admin@pupitre.test", "admin-password-for-tests").getString("access_token");
    }

    @Test
    void aDisabledAccountLosesItsSessionsAndCannotSignInUntilEnabled() {
        String email = newEmail();
        String id = register(email, "SECRETARY").getString("id");
        var session = token(email, "correct horse battery");
        String admin = admin();

        given().auth().oauth2(session.getString("access_token")).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/admin/accounts/" + id + "/disable").then().spec(forbidden());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/v1/admin/accounts/" + id + "/disable").then().statusCode(422);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "Fausses factures signalées par trois clients"))
                .post("/api/v1/admin/accounts/" + id + "/disable").then().statusCode(200)
                .body("disabledReason", equalTo("Fausses factures signalées par trois clients"))
                .body("disabledAt", org.hamcrest.Matchers.notNullValue());

        given().contentType(ContentType.JSON).body(Map.of("refresh_token", session.getString("refresh_token")))
                .post("/api/v1/auth/refresh").then().spec(problem(401, "INVALID_REFRESH_TOKEN"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en-CA")
                .body(Map.of("email", email, "password", "correct horse battery")).post("/api/v1/auth/token").then().statusCode(403)
                .body("code", equalTo("ACCOUNT_DISABLED"));
        // a wrong password says nothing about the account's state
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "not the password at all"))
                .post("/api/v1/auth/token").then().spec(problem(401, "INVALID_CREDENTIALS"));
        given().auth().oauth2(admin).queryParam("email", email.toUpperCase()).get("/api/v1/admin/accounts").then().statusCode(200)
                .body("id", equalTo(id)).body("disabledReason", org.hamcrest.Matchers.startsWith("Fausses"));

        given().auth().oauth2(admin).post("/api/v1/admin/accounts/" + id + "/enable").then().statusCode(200)
                .body("disabledAt", nullValue());
        token(email, "correct horse battery");
    }

    @Test
    void adminAccountsCannotBeDisabledAndOnlyAdminsModerate() {
        String admin = admin();
        String adminId = given().auth().oauth2(admin).get("/api/v1/me").then().extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "essai"))
                .post("/api/v1/admin/accounts/" + adminId + "/disable").then().statusCode(409).body("code", equalTo("ADMIN_NOT_DISABLED"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "essai"))
                .post("/api/v1/admin/accounts/" + java.util.UUID.randomUUID() + "/disable").then().statusCode(404);
        String client = newEmail();
        register(client, "CLIENT");
        String clientToken = token(client, "correct horse battery").getString("access_token");
        given().auth().oauth2(clientToken).queryParam("email", client).get("/api/v1/admin/accounts").then().spec(forbidden());
        given().queryParam("email", client).get("/api/v1/admin/accounts").then().spec(unauthorized());
        given().auth().oauth2(admin).get("/api/v1/admin/accounts").then().statusCode(400);
        // an address is at most 254 characters (as the OpenAPI document says): a longer search is refused, not looked up
        given().auth().oauth2(admin).queryParam("email", "a".repeat(250) + "@x.ca").get("/api/v1/admin/accounts")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
    }
}
