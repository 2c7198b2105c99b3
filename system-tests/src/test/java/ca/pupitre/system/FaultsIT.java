package ca.pupitre.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.launcher.DatabaseBootstrap;
import ca.pupitre.launcher.EmbeddedDatabase;
import ca.pupitre.launcher.RunningStack;
import ca.pupitre.launcher.Secrets;
import ca.pupitre.launcher.ServiceModule;
import ca.pupitre.launcher.Stack;
import ca.pupitre.launcher.StackConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault suite, on loopback, bounded in time, each case printing a line of the table (fault, requests sent,
 * acknowledged, found afterwards, duplicates, time to recover):
 * <ul>
 * <li>PostgreSQL stops during a stream of writes and comes back on the same data: while it is down every write is
 * refused with a 503 problem (retry), never a 500 or a hang; the services recover by themselves once it is back;
 * every acknowledged write is there afterwards, once;</li>
 * <li>a service goes silent (SIGSTOP: connections accepted, nothing answered): the gateway answers 504 at its
 * upstream timeout (1.5 s here) while its other routes keep answering at once;</li>
 * <li>listings is killed and restarted 60 s later: matching answers matches from its copy meanwhile, then catches
 * up with the change feed (a new offer is matched, nothing twice); a promotion paid during the outage waits in
 * billing's outbox, which retries until listings is back and features the offer once, for exactly the days paid.</li>
 * </ul>
 */
class FaultsIT {

    private static final String WEBHOOK_SECRET = "whsec-faults-" + UUID.randomUUID();
    private static final long OUTAGE_SECONDS = 60;

    private static Path dataDirectory;
    private static int port;
    private static Path serverLog;
    private static EmbeddedDatabase database;
    private static RunningStack stack;
    private static TestStacks.Started started;

    @BeforeAll
    static void startOnADatabaseThatCanBeRestarted() throws IOException {
        Path state = Files.createTempDirectory("pupitre-db-restart");
        dataDirectory = state.resolve("pgdata");
        serverLog = state.resolve("postgres.log");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        database = EmbeddedDatabase.start(dataDirectory, port, serverLog);
        Secrets secrets = Secrets.generate();
        DatabaseBootstrap.ensure(database.adminJdbcUrl(), database.superuser(), "", "pupitre", secrets.rolePasswords());
        stack = Stack.start(StackConfig.builder(StackConfig.findRepoRoot(Path.of("").toAbsolutePath())).stateDir(state)
                .freePorts().jdbcUrl(database.jdbcUrl("pupitre")).secrets(secrets)
                .env("PUPITRE_UPSTREAM_TIMEOUT", "PT1.5S").env("PUPITRE_BILLING_WEBHOOK_SECRET", WEBHOOK_SECRET)
                // retries of billing's outbox at most 10 s apart (5 min in production): the catch-up is measured in
                // seconds after the outage, not in how far the backoff had grown
                .env("PUPITRE_BILLING_OUTBOX_MAX_BACKOFF", "PT10S").build());
        started = new TestStacks.Started(stack, secrets);
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static RequestSpecification gateway() {
        return given().baseUri(stack.gatewayUrl().toString());
    }

    @Test
    void writesDuringARestartAreRefusedWithA503AndNoAcknowledgedOneIsLost() {
        String token = started.signIn("SECRETARY");
        Set<String> acknowledged = new HashSet<>();
        int sent = 0;
        int refused = 0;
        for (int i = 0; i < 10; i++, sent++) {
            acknowledged.add(started.createOffer(token, "Avant " + i).then().statusCode(201).extract().path("id"));
        }

        database.close(); // PostgreSQL stops (fast shutdown), as in a restart or a failover
        long down = System.nanoTime();
        while (System.nanoTime() - down < 4_000_000_000L) {
            ExtractableResponse<Response> answer = started.createOffer(token, "Pendant " + sent).then().extract();
            sent++;
            assertThat(answer.statusCode()).as("a write while the database is down: %s", answer.asString()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.<String>path("code")).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(answer.header("Retry-After")).isNotBlank();
            refused++;
            TestStacks.pace(200);
        }

        database = EmbeddedDatabase.start(dataDirectory, port, serverLog); // back, on the same data
        long up = System.nanoTime();
        long recoveredMs = -1;
        while (recoveredMs < 0) {
            ExtractableResponse<Response> answer = started.createOffer(token, "Retour " + sent).then().extract();
            sent++;
            if (answer.statusCode() == 201) {
                acknowledged.add(answer.path("id"));
                recoveredMs = (System.nanoTime() - up) / 1_000_000;
            } else {
                assertThat(answer.statusCode()).as("while recovering: %s", answer.asString()).isEqualTo(503);
                refused++;
                assertThat((System.nanoTime() - up) / 1_000_000).as("recovered within").isLessThan(30_000);
                TestStacks.pace(200);
            }
        }
        for (int i = 0; i < 10; i++, sent++) {
            acknowledged.add(started.createOffer(token, "Après " + i).then().statusCode(201).extract().path("id"));
        }

        List<String> found = started.myListingIds(token);
        long duplicates = found.size() - new HashSet<>(found).size();
        System.out.printf("fault | requests sent | acknowledged | found afterwards | duplicates | time to recover%n");
        System.out.printf("PostgreSQL stopped 4 s, restarted | %d | %d | %d | %d | %d ms after it was back (%d refused)%n",
                sent, acknowledged.size(), found.size(), duplicates, recoveredMs, refused);
        assertThat(duplicates).isZero();
        assertThat(found).containsAll(acknowledged);
        assertThat(found).hasSizeLessThanOrEqualTo(acknowledged.size() + refused);
    }

    @Test
    void aSilentServiceGetsA504AtTheTimeoutWhileTheOtherRoutesKeepAnswering() throws Exception {
        String token = started.signIn("SECRETARY");
        List<String> others = List.of("/api/v1/me", "/api/v1/alerts", "/api/v1/engagements");
        for (String path : others) {
            gateway().auth().oauth2(token).get(path).then().statusCode(200); // warm: measure the fault, not a first call
        }
        gateway().get("/api/v1/skills").then().statusCode(200);
        long pid = stack.pid(ServiceModule.LISTINGS);
        signal("STOP", pid);
        try {
            long start = System.nanoTime();
            CompletableFuture<ExtractableResponse<Response>> silent = CompletableFuture.supplyAsync(
                    () -> gateway().get("/api/v1/skills").then().extract());
            // meanwhile: the gateway's own routes and the other services answer at once
            List<Long> othersMs = new ArrayList<>();
            for (String path : List.of(others.get(0), others.get(1), others.get(2), others.get(0), others.get(1))) {
                long asked = System.nanoTime();
                gateway().auth().oauth2(token).get(path).then().statusCode(200);
                othersMs.add((System.nanoTime() - asked) / 1_000_000);
            }
            ExtractableResponse<Response> answer = silent.get(10, TimeUnit.SECONDS);
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("listings silent (SIGSTOP) | %d | %d answered by the others (%s ms each) | - | 0 | 504 after %d ms%n",
                    othersMs.size() + 1, othersMs.size(), othersMs, waitedMs);
            assertThat(answer.statusCode()).isEqualTo(504);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.<String>path("code")).isEqualTo("GATEWAY_TIMEOUT");
            assertThat(waitedMs).as("504 after the 1.5 s timeout").isBetween(1_400L, 2_000L);
            assertThat(othersMs).as("the other routes while listings is silent").allMatch(ms -> ms < 1_000);
        } finally {
            signal("CONT", pid);
        }
        gateway().get("/api/v1/skills").then().statusCode(200); // back at once
    }

    @Test
    void withListingsDownMatchingAnswersFromItsCopyAndCatchesUpOnceListingsIsBack() {
        String secretary = started.signIn("SECRETARY");
        String client = started.signIn("CLIENT");
        String offer = publish(secretary, "Traduction juridique avant la panne");
        String request = publish(client, "Traduire nos actes notariés");
        // matching learns the request from listings' change feed (until then: 404 for it)
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> offersMatching(client, request).contains(offer));
        // the secretary buys "À la une" for her offer (billing checks the offer with listings: it is up)
        gateway().auth().oauth2(secretary).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Josée Picard", "address", "12, rue du Pont, Rimouski", "province", "QC",
                        "smallSupplier", true))
                .put("/api/v1/billing/profile").then().statusCode(200);
        var promotion = gateway().auth().oauth2(secretary).contentType(ContentType.JSON)
                .body(Map.of("listingId", offer, "days", 7)).post("/api/v1/promotions").then().statusCode(201).extract();
        String promotionId = promotion.path("id");

        assertThat(stack.kill(ServiceModule.LISTINGS, 1)).isTrue();
        long down = System.nanoTime();
        // paid while listings is down: billing takes the payment and queues the featuring in its outbox
        payByWebhook(promotion.path("invoice.id"), promotion.path("invoice.total"));
        int asked = 0;
        int answered = 0;
        while (System.nanoTime() - down < OUTAGE_SECONDS * 1_000_000_000L) {
            asked++;
            if (offersMatching(client, request).contains(offer)) {
                answered++;
            }
            gateway().get("/api/v1/skills").then().statusCode(503); // listings itself: unavailable, said so
            TestStacks.pace(500);
        }
        assertThat(answered).as("matches served from matching's copy while listings is down").isEqualTo(asked);
        String paidUntil = gateway().auth().oauth2(secretary).get("/api/v1/promotions/" + promotionId).then().statusCode(200)
                .body("state", equalTo("PAID")).extract().path("featuredUntil");
        assertThat(paidUntil).as("the featured period, fixed at payment").isNotBlank();

        stack.restart(ServiceModule.LISTINGS, 1);
        long up = System.nanoTime();
        String after = publish(secretary, "Traduction juridique après la panne");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> offersMatching(client, request).contains(after));
        long caughtUpMs = (System.nanoTime() - up) / 1_000_000;
        // the outbox's retry reaches listings once it is back: the offer is featured for the 7 days paid, not 14
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> gateway().get("/api/v1/listings/" + offer).then().statusCode(200).extract().<Boolean>path("promoted"));
        long featuredMs = (System.nanoTime() - up) / 1_000_000;
        var listing = gateway().get("/api/v1/listings/" + offer).then().statusCode(200).extract();
        assertThat(Instant.parse(listing.path("featuredUntil"))).isEqualTo(Instant.parse(paidUntil));
        System.out.printf("listings killed, down %d s, restarted | %d match requests, 1 promotion paid | %d answered from the"
                + " copy | - | 0 | a new offer matched %d ms, the paid offer featured %d ms after the restart%n",
                OUTAGE_SECONDS, asked, answered, caughtUpMs, featuredMs);
        List<String> offers = offersMatching(client, request);
        assertThat(offers).contains(offer, after).doesNotHaveDuplicates();
        // delivered once: nothing left in billing's outbox
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> outboxBacklog() == 0);
    }

    private static double outboxBacklog() {
        String metrics = given().baseUri(stack.managementUrl(ServiceModule.BILLING).toString()).get("/q/metrics")
                .then().statusCode(200).extract().asString();
        Matcher backlog = Pattern.compile("(?m)^pupitre_outbox_backlog(?:\\{[^}]*})? ([0-9.eE+-]+)")
                .matcher(metrics);
        assertThat(backlog.find()).as("billing's outbox backlog gauge").isTrue();
        return Double.parseDouble(backlog.group(1));
    }

    /** The payment provider's webhook: the invoice paid in full, signed with the shared secret. */
    private static void payByWebhook(String invoiceId, String amount) {
        String body = "{\"eventId\":\"evt_" + UUID.randomUUID() + "\",\"invoiceId\":\"" + invoiceId + "\",\"amount\":\""
                + amount + "\",\"method\":\"CARD\",\"reference\":\"pi_faults\",\"receivedOn\":\""
                + LocalDate.now(ZoneId.of("America/Toronto")) + "\"}";
        long now = Instant.now().getEpochSecond();
        gateway().contentType(ContentType.JSON).header("Pupitre-Signature", "t=" + now + ",v1=" + sign(now, body)).body(body)
                .post("/api/v1/billing/webhooks/payments").then().statusCode(201);
    }

    private static String sign(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publish(String token, String title) {
        String id = started.createOffer(token, title).then().statusCode(201).extract().path("id");
        gateway().auth().oauth2(token).post("/api/v1/listings/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static List<String> offersMatching(String client, String request) {
        return gateway().auth().oauth2(client).queryParam("requestId", request).get("/api/v1/matches")
                .then().statusCode(200).extract().path("items.offerId");
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor()).isZero();
    }
}
