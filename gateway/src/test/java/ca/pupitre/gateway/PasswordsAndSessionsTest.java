package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static ca.pupitre.testing.ProblemAnswers.problem;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Password change and reset, the password policy, and people's view of their own sessions. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class PasswordsAndSessionsTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    MockMailbox mailbox;

    private static JsonPath signIn(String email, String password, String device) {
        return given().contentType(ContentType.JSON).header("User-Agent", device).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().jsonPath();
    }

    private static int refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken)).post("/api/v1/auth/refresh").then()
                .extract().statusCode();
    }

    private String newestLink(String email, String subjectStart) {
        List<Mail> sent = mailbox.getMailsSentTo(email);
        Mail mail = sent.stream().filter(m -> m.getSubject().startsWith(subjectStart)).reduce((a, b) -> b).orElseThrow();
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]{20,})").matcher(mail.getText());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void commonOrTooObviousPasswordsAreRefusedAtRegistration() {
        for (String weak : List.of("motdepasse123", "Qwerty 123456", "1234567890", "aaaaaaaaaaaa")) {
            given().contentType(ContentType.JSON).header("Accept-Language", "en-CA")
                    .body(Map.of("email", newEmail(), "password", weak, "displayName", "Test", "role", "CLIENT"))
                    .post("/api/v1/auth/register").then().statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("WEAK_PASSWORD"));
        }
        String email = "marie.tremblay-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ca";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", email, "displayName", "Test", "role", "CLIENT"))
                .post("/api/v1/auth/register").then().statusCode(422).body("code", equalTo("WEAK_PASSWORD"));
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        String email = newEmail();
        register(email, "CLIENT");
        JsonPath laptop = signIn(email, PASSWORD, "Firefox on the laptop");
        JsonPath phone = signIn(email, PASSWORD, "Safari on the phone");
        String access = laptop.getString("access_token");

        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not my password", "newPassword", "un tout nouveau secret"))
                .post("/api/v1/me/password").then().statusCode(403).body("code", equalTo("WRONG_PASSWORD"));
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "motdepasse123"))
                .post("/api/v1/me/password").then().statusCode(422).body("code", equalTo("WEAK_PASSWORD"));
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "un tout nouveau secret"))
                .post("/api/v1/me/password").then().statusCode(204);

        assertThat(refresh(phone.getString("refresh_token"))).as("the other session").isEqualTo(401);
        assertThat(refresh(laptop.getString("refresh_token"))).as("this session").isEqualTo(200);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/token").then()
                .spec(problem(401, "INVALID_CREDENTIALS"));
        signIn(email, "un tout nouveau secret", "curl");
        assertThat(mailbox.getMailsSentTo(email)).extracting(Mail::getSubject).contains("Votre mot de passe Pupitre a été changé");
    }

    @Test
    void aForgottenPasswordIsResetByALinkThatEndsEverySession() {
        String email = newEmail();
        register(email, "SECRETARY");
        String session = signIn(email, PASSWORD, "Chrome").getString("refresh_token");
        // the same answer for an address without an account: nobody learns who is registered
        given().contentType(ContentType.JSON).body(Map.of("email", newEmail())).post("/api/v1/auth/password-reset").then().statusCode(202);
        given().contentType(ContentType.JSON).body(Map.of("email", email.toUpperCase())).post("/api/v1/auth/password-reset").then()
                .statusCode(202);
        String link = newestLink(email, "Choisir un nouveau mot de passe");

        given().contentType(ContentType.JSON).body(Map.of("token", link, "newPassword", "qwertyuiop"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(422).body("code", equalTo("WEAK_PASSWORD"));
        given().contentType(ContentType.JSON).body(Map.of("token", link, "newPassword", "le thé de dix heures"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("token", link, "newPassword", "encore un autre secret"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400).body("code", equalTo("INVALID_EMAIL_TOKEN"));

        assertThat(refresh(session)).isEqualTo(401);
        String access = signIn(email, "le thé de dix heures", "Chrome").getString("access_token");
        // the link proved the address too
        given().auth().oauth2(access).get("/api/v1/me").then().body("emailVerified", equalTo(true));
        // a verification link is not a reset link
        given().contentType(ContentType.JSON).body(Map.of("token", newestLink(email, "Confirmez"), "newPassword", "pas par ce lien-là"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400);
    }

    @Test
    void peopleSeeAndEndTheirOwnSessionsOnly() {
        String email = newEmail();
        register(email, "CLIENT");
        JsonPath laptop = signIn(email, PASSWORD, "Firefox on the laptop");
        JsonPath phone = signIn(email, PASSWORD, "Safari on the phone");
        String access = laptop.getString("access_token");

        JsonPath sessions = given().auth().oauth2(access).get("/api/v1/me/sessions").then().statusCode(200).extract().jsonPath();
        assertThat(sessions.getList("items.device", String.class)).containsExactlyInAnyOrder("Firefox on the laptop", "Safari on the phone");
        assertThat(sessions.getList("items.current", Boolean.class)).containsExactlyInAnyOrder(true, false);
        String phoneSession = sessions.getString("items.find { !it.current }.id");

        // another person cannot end them
        String intruderEmail = newEmail();
        register(intruderEmail, "CLIENT");
        String intruder = signIn(intruderEmail, PASSWORD, "curl").getString("access_token");
        given().auth().oauth2(intruder).delete("/api/v1/me/sessions/" + phoneSession).then().statusCode(404)
                .body("code", equalTo("SESSION_NOT_FOUND"));
        assertThat(given().auth().oauth2(intruder).get("/api/v1/me/sessions").then().extract().jsonPath().getList("items"))
                .hasSize(1);

        given().auth().oauth2(access).delete("/api/v1/me/sessions/" + phoneSession).then().statusCode(204);
        assertThat(refresh(phone.getString("refresh_token"))).isEqualTo(401);
        given().auth().oauth2(access).delete("/api/v1/me/sessions").then().statusCode(204);
        assertThat(refresh(laptop.getString("refresh_token"))).isEqualTo(401);
        given().get("/api/v1/me/sessions").then().spec(unauthorized());
    }
}
