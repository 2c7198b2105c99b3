package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Proving an e-mail address: the link sent at registration, single use; the claim the services read. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class EmailVerificationTest {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{20,})");

    @Inject
    MockMailbox mailbox;

    private String linkToken(String email) {
        List<Mail> sent = mailbox.getMailsSentTo(email);
        assertThat(sent).as("mails to %s", email).isNotEmpty();
        Matcher m = TOKEN.matcher(sent.get(sent.size() - 1).getText());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static void verify(String token, int status) {
        given().contentType(ContentType.JSON).body(Map.of("token", token)).post("/api/v1/auth/verify-email").then().statusCode(status);
    }

    @Test
    void theLinkSentAtRegistrationVerifiesTheAddressOnce() {
        String email = newEmail();
        register(email, "CLIENT");
        List<Mail> sent = mailbox.getMailsSentTo(email);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getSubject()).isEqualTo("Confirmez votre adresse courriel pour Pupitre");
        assertThat(sent.get(0).getText()).contains("Bonjour Josée Picard", "http://localhost:8080/verifier-courriel?token=", "24 heures");
        var before = token(email, "correct horse battery");
        assertThat(claims(before.getString("access_token"))).contains("\"email_verified\":false");
        given().auth().oauth2(before.getString("access_token")).get("/api/v1/me").then().body("emailVerified", equalTo(false));

        given().contentType(ContentType.JSON).header("Accept-Language", "en-CA").body(Map.of("token", "not-a-token"))
                .post("/api/v1/auth/verify-email").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_EMAIL_TOKEN")).body("title", equalTo("Invalid link"));
        String link = linkToken(email);
        verify(link, 204);
        verify(link, 400); // single use

        // the next access token (refresh re-reads the account) says so; the services read that claim
        String refreshed = given().contentType(ContentType.JSON).body(Map.of("refresh_token", before.getString("refresh_token")))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().path("access_token");
        assertThat(claims(refreshed)).contains("\"email_verified\":true");
        given().auth().oauth2(refreshed).get("/api/v1/me").then().body("emailVerified", equalTo(true));
        given().auth().oauth2(refreshed).post("/api/v1/me/verification-email").then().statusCode(409)
                .body("code", equalTo("EMAIL_ALREADY_VERIFIED"));
    }

    @Test
    void aNewLinkReplacesTheOldOneAndIsThrottled() {
        String email = newEmail();
        register(email, "SECRETARY");
        String first = linkToken(email);
        String access = token(email, "correct horse battery").getString("access_token");
        // the registration mail was just sent: not another one within the minute
        given().auth().oauth2(access).header("Accept-Language", "en").post("/api/v1/me/verification-email").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue()).body("code", equalTo("EMAIL_THROTTLED"));
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
        given().post("/api/v1/me/verification-email").then().spec(unauthorized());
        verify(first, 204);
    }

    @Test
    void theAdminAccountIsVerified() {
        String access = token("admin@pupitre.test", "admin-password-for-tests").getString("access_token");
        assertThat(claims(access)).contains("\"email_verified\":true");
    }
}
