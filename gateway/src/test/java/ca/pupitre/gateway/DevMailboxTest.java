package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The local stack's mailbox: with PUPITRE_DEV_MAILBOX=true the gateway runs an SMTP server, its own mailer
 * (real SMTP, not the mock) sends there, and an ADMIN reads what arrived.
 */
@QuarkusTest
@TestProfile(DevMailboxTest.WithDevMailbox.class)
class DevMailboxTest {

    public static class WithDevMailbox extends GatewayTestProfile {
        private static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pupitre.mail.dev-mailbox.enabled", "true", "pupitre.mail.dev-mailbox.smtp-port", Integer.toString(PORT),
                    "quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(PORT), "quarkus.mailer.start-tls", "DISABLED");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String admin() {
        return token("admin@pupitre.test", "admin-password-for-tests").getString("access_token");
    }

    @Test
    void everyEmailLandsInTheMailboxAndOnlyAnAdminReadsIt() {
        String email = newEmail();
        register(email, "CLIENT");
        JsonPath box = given().auth().oauth2(admin()).queryParam("to", email.toUpperCase()).get("/api/v1/dev/mailbox").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = box.getList("items");
        assertThat(items).hasSize(1);
        assertThat(box.getString("items[0].to")).isEqualTo(email);
        assertThat(box.getString("items[0].subject")).isEqualTo("Confirmez votre adresse courriel pour Pupitre");
        assertThat(box.getString("items[0].sentAt")).endsWith("Z");
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]{20,})").matcher(box.getString("items[0].text"));
        assertThat(link.find()).isTrue();
        // the whole loop a person makes: read the mail, follow the link
        given().contentType(ContentType.JSON).body(Map.of("token", link.group(1))).post("/api/v1/auth/verify-email").then()
                .statusCode(204);

        String someoneElse = newEmail();
        register(someoneElse, "SECRETARY");
        String client = token(email, "correct horse battery").getString("access_token");
        given().auth().oauth2(client).get("/api/v1/dev/mailbox").then().spec(forbidden());
        given().get("/api/v1/dev/mailbox").then().spec(unauthorized());
        assertThat(given().auth().oauth2(admin()).get("/api/v1/dev/mailbox").then().statusCode(200).extract().jsonPath()
                .getList("items.to", String.class)).contains(email, someoneElse);
    }
}
