package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static ca.pupitre.testing.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.gateway.service.AccountService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configured admin e-mail can never hand the admin's powers to whoever registered it first. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AdminAccountTest {

    @Inject
    AccountService accounts;

    private static void refreshes(String refreshToken, int status) {
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken)).post("/api/v1/auth/refresh").then()
                .statusCode(status);
    }

    @Test
    void anExistingClientWithTheAdminEmailIsNeverPromoted() {
        // The attack: register the future admin address as a CLIENT, keep a session, wait for the next start.
        String email = newEmail();
        register(email, "CLIENT");
        String refresh = token(email, "correct horse battery").getString("refresh_token");

        assertThatThrownBy(() -> accounts.ensureAdmin(email, "a-brand-new-admin-password-2026"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing to make it ADMIN");

        String access = given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(access).get("/api/v1/me").then().statusCode(200).body("role", equalTo("CLIENT"));
        // nothing changed: the admin password does not open it, the owner's still does
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "a-brand-new-admin-password-2026"))
                .post("/api/v1/auth/token").then().spec(problem(401, "INVALID_CREDENTIALS"));
        token(email, "correct horse battery");
    }

    @Test
    void aNewAdminPasswordEndsEverySessionOfTheAdmin() {
        String email = newEmail();
        accounts.ensureAdmin(email, "first-admin-password-2026");
        String before = token(email, "first-admin-password-2026").getString("refresh_token");
        accounts.ensureAdmin(email, "first-admin-password-2026"); // same password: sessions kept
        refreshes(before, 200);
        String current = token(email, "first-admin-password-2026").getString("refresh_token");

        accounts.ensureAdmin(email, "second-admin-password-2026");

        refreshes(current, 401);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "first-admin-password-2026"))
                .post("/api/v1/auth/token").then().spec(problem(401, "INVALID_CREDENTIALS"));
        given().auth().oauth2(token(email, "second-admin-password-2026").getString("access_token")).get("/api/v1/me").then()
                .statusCode(200).body("role", equalTo("ADMIN"));
    }
}
