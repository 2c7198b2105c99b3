package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * An SMTP server that takes the connection and never says a word (a hung relay): registration still answers, the
 * account exists, and asking for the link again is a 503 to retry, each within the send bound, never the mailer's
 * own minute. (A registration that hung this way once held an end-to-end test for 80 s.)
 */
@QuarkusTest
@TestProfile(SilentMailServerTest.WithSilentMailServer.class)
class SilentMailServerTest {

    public static class WithSilentMailServer extends GatewayTestProfile {
        private static final ServerSocket SILENT = silentServer();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(SILENT.getLocalPort()), "quarkus.mailer.start-tls", "DISABLED",
                    "pupitre.mail.send-timeout", "1S");
        }

        /** Accepts every connection and keeps it open, silent. */
        private static ServerSocket silentServer() {
            try {
                return FakeUpstreams.silentServer(new CopyOnWriteArrayList<>(), "silent-smtp");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aSilentMailServerNeverHoldsARequest() {
        String email = newEmail();
        // far below the mailer's own 60 s timeout, far above the 1 s send bound
        Duration bound = Duration.ofSeconds(20);
        assertTimeoutPreemptively(bound, () -> register(email, "CLIENT"));
        String access = token(email, "correct horse battery").getString("access_token");
        assertTimeoutPreemptively(bound, () -> given().auth().oauth2(access).header("Accept-Language", "en")
                .post("/api/v1/me/verification-email").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "60").body("code", equalTo("MAIL_UNAVAILABLE")));
    }
}
