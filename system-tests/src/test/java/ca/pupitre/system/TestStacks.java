package ca.pupitre.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.launcher.DatabaseBootstrap;
import ca.pupitre.launcher.EmbeddedDatabase;
import ca.pupitre.launcher.RunningStack;
import ca.pupitre.launcher.Secrets;
import ca.pupitre.launcher.Stack;
import ca.pupitre.launcher.StackConfig;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The whole stack as ./run.sh starts it (same launcher, packaged jars), on a fresh embedded PostgreSQL and
 * free ports, for one test class; and the dev mailbox every e-mail of such a stack lands in.
 */
final class TestStacks {

    /** A started stack and the secrets it was started with. */
    record Started(RunningStack stack, Secrets secrets) {

        String gateway() {
            return stack.gatewayUrl().toString();
        }

        /**
         * The admin's access token, signed in once per ten minutes (tokens live fifteen): every mailbox read needs
         * it, and the gateway allows an account only a few sign-ins a minute.
         */
        String adminToken() {
            AdminToken known = ADMIN_TOKENS.get(secrets);
            if (known != null && known.until().isAfter(Instant.now())) {
                return known.token();
            }
            String token = given().baseUri(gateway()).contentType(ContentType.JSON)
                    .body(Map.of("email", secrets.adminEmail(), "password", secrets.adminPassword()))
                    .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
            ADMIN_TOKENS.put(secrets, new AdminToken(token, Instant.now().plus(Duration.ofMinutes(10))));
            return token;
        }

        /** The text of the newest e-mail the stack sent to {@code email}. */
        String newestMailTo(String email) {
            return given().baseUri(gateway()).auth().oauth2(adminToken()).queryParam("to", email)
                    .get("/api/v1/dev/mailbox").then().statusCode(200).extract().path("items[0].text");
        }

        /** A new account of {@code role} with a verified address, signed in: its access token. */
        String signIn(String role) {
            String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.ca";
            given().baseUri(gateway()).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", "trente ans de métier", "displayName", "Test " + role, "role", role))
                    .post("/api/v1/auth/register").then().statusCode(201);
            verifyThroughMailbox(email); // publishing and inviting need a verified address
            return given().baseUri(gateway()).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", "trente ans de métier"))
                    .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        }

        /** The body of a valid hourly offer titled {@code title}. */
        static Map<String, Object> offer(String title) {
            return Map.of("title", Map.of("fr", title), "description", Map.of("fr", title + " : travail soigné, délais respectés."),
                    "skills", List.of("translation"), "languages", List.of("fr"),
                    "pricing", Map.of("unit", "HOUR", "amount", "40.00"), "hoursPerWeek", 10, "remote", true);
        }

        /** Creates a draft offer titled {@code title}: the answer, whatever its status. */
        io.restassured.response.Response createOffer(String token, String title) {
            return given().baseUri(gateway()).auth().oauth2(token).contentType(ContentType.JSON).body(offer(title))
                    .post("/api/v1/listings");
        }

        /** The ids of every listing of the token's owner, page after page. */
        List<String> myListingIds(String token) {
            List<String> ids = new ArrayList<>();
            String cursor = null;
            do {
                var page = given().baseUri(gateway()).auth().oauth2(token).queryParam("limit", 50);
                if (cursor != null) {
                    page.queryParam("cursor", cursor);
                }
                var answer = page.get("/api/v1/listings/mine").then().statusCode(200).extract();
                ids.addAll(answer.<List<String>>path("items.id"));
                cursor = answer.path("nextCursor");
            } while (cursor != null);
            return ids;
        }

        /** Proves {@code email} with the link of its verification e-mail, through the API. */
        void verifyThroughMailbox(String email) {
            String text = newestMailTo(email);
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]{20,})").matcher(text);
            assertThat(link.find()).as("verification link in %s", text).isTrue();
            given().baseUri(gateway()).contentType(ContentType.JSON).body(Map.of("token", link.group(1)))
                    .post("/api/v1/auth/verify-email").then().statusCode(204);
        }
    }

    private record AdminToken(String token, Instant until) {
    }

    /** Per stack (its secrets): see {@link Started#adminToken()}. */
    private static final Map<Secrets, AdminToken> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private TestStacks() {
    }

    /** Waits {@code ms}: a pace for a stream of requests, never a wait for something to happen. */
    static void pace(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Started start(String name) {
        return start(name, UnaryOperator.identity());
    }

    /** Starts the stack; {@code settings} may add environment ({@link StackConfig.Builder#env}). */
    static Started start(String name, UnaryOperator<StackConfig.Builder> settings) {
        try {
            Path repoRoot = StackConfig.findRepoRoot(Path.of("").toAbsolutePath());
            Path state = Files.createTempDirectory("pupitre-" + name);
            EmbeddedDatabase db = EmbeddedDatabase.startTemporary();
            Secrets secrets = Secrets.generate();
            DatabaseBootstrap.ensure(db.adminJdbcUrl(), db.superuser(), "", "pupitre", secrets.rolePasswords());
            RunningStack stack = Stack.start(settings.apply(StackConfig.builder(repoRoot).stateDir(state).freePorts()
                    .embeddedDatabase(db, "pupitre").secrets(secrets)).build());
            return new Started(stack, secrets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
