package ca.pupitre.billing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.billing.Scenario;
import ca.pupitre.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BillingTestProfile.class)
class IdempotencyTest {

    private final Scenario s = Scenario.fresh();

    private Response createDraft(String key, String engagement, String amount) {
        return given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"engagementId\":\"" + engagement + "\",\"milestones\":[{\"description\":\"Jalon\",\"amount\":\"" + amount + "\"}]}")
                .post("/api/v1/invoices");
    }

    private int invoicesOf(String engagement) {
        return given().auth().oauth2(s.secretaryToken).get("/api/v1/invoices").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.engagementId == '" + engagement + "' }").size();
    }

    @Test
    void theSameKeyAndBodyReplaysTheStoredAnswer() {
        String engagement = s.fixed("500.00").toString();
        String key = UUID.randomUUID().toString();
        Response first = createDraft(key, engagement, "250.00");
        Response again = createDraft(key, engagement, "250.00");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body().asString()).isEqualTo(first.body().asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(invoicesOf(engagement)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String engagement = s.fixed("500.00").toString();
        String key = UUID.randomUUID().toString();
        createDraft(key, engagement, "250.00").then().statusCode(201);
        createDraft(key, engagement, "260.00").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(invoicesOf(engagement)).isEqualTo(1);
    }

    @Test
    void theSameKeyWhileTheFirstIsInFlightIs409() throws Exception {
        String engagement = s.fixed("500.00").toString();
        String key = UUID.randomUUID().toString();
        createDraft(key, engagement, "250.00").then().statusCode(201);
        // make the stored answer look like a request still running
        try (Connection c = TestDatabase.get().connectionAs("billing");
                PreparedStatement st = c.prepareStatement("update billing.idempotency_record set state = 'IN_FLIGHT', status = null,"
                        + " body = null where caller = ? and idem_key = ?")) {
            st.setString(1, s.secretary.toString());
            st.setString(2, key);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        createDraft(key, engagement, "250.00").then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_IN_FLIGHT"));
    }

    @Test
    void keysAreScopedPerCallerAndAFailureReleasesTheKey() {
        String key = UUID.randomUUID().toString();
        String engagement = s.fixed("500.00").toString();
        createDraft(key, engagement, "250.00").then().statusCode(201);
        Scenario other = Scenario.fresh();
        String hers = other.fixed("500.00").toString();
        given().auth().oauth2(other.secretaryToken).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"engagementId\":\"" + hers + "\",\"milestones\":[{\"description\":\"Jalon\",\"amount\":\"250.00\"}]}")
                .post("/api/v1/invoices").then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        // a failed attempt stores nothing: the same key works once the cause is fixed
        String failing = UUID.randomUUID().toString();
        String draft = createDraft(UUID.randomUUID().toString(), engagement, "10.00").then().statusCode(201).extract().path("id");
        given().auth().oauth2(s.secretaryToken).header("Idempotency-Key", failing).post("/api/v1/invoices/" + draft + "/issue")
                .then().statusCode(409).body("code", equalTo("SUPPLIER_PROFILE_REQUIRED"));
        s.registeredSecretary().clientIn("QC");
        given().auth().oauth2(s.secretaryToken).header("Idempotency-Key", failing).post("/api/v1/invoices/" + draft + "/issue")
                .then().statusCode(200).body("state", equalTo("ISSUED"));
        given().auth().oauth2(s.secretaryToken).header("Idempotency-Key", "bad key with spaces").post("/api/v1/invoices/" + draft + "/issue")
                .then().statusCode(400).body("code", equalTo("INVALID_IDEMPOTENCY_KEY"));
    }

    @Test
    void parallelDuplicatesCreateOneInvoice() throws Exception {
        String engagement = s.fixed("500.00").toString();
        String key = UUID.randomUUID().toString();
        List<Response> answers = parallel(8, i -> createDraft(key, engagement, "250.00"));
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertThat(statuses).allMatch(st -> st == 201 || st == 409);
        List<Response> fresh = answers.stream().filter(r -> r.statusCode() == 201 && r.header("Idempotent-Replayed") == null).toList();
        assertThat(fresh).hasSize(1);
        answers.stream().filter(r -> r.statusCode() == 201)
                .forEach(r -> assertThat(r.body().asString()).isEqualTo(fresh.get(0).body().asString()));
        assertThat(invoicesOf(engagement)).isEqualTo(1);
    }

    @Test
    void parallelDuplicatePaymentsAreAppliedOnce() throws Exception {
        s.registeredSecretary().clientIn("QC");
        String invoice = s.issue(s.fixedDraft(s.fixed("100.00"), "100.00")).getString("id");
        String key = UUID.randomUUID().toString();
        List<Response> answers = parallel(6, i -> given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body("{\"amount\":\"50.00\",\"method\":\"CHEQUE\",\"reference\":\"#12\",\"receivedOn\":\"2026-11-30\"}")
                .post("/api/v1/invoices/" + invoice + "/payments"));
        assertThat(answers).allMatch(r -> r.statusCode() == 201 || r.statusCode() == 409);
        given().auth().oauth2(s.secretaryToken).get("/api/v1/invoices/" + invoice).then()
                .body("paidTotal", equalTo("50.00")).body("state", equalTo("PARTIALLY_PAID"));
    }

    @Test
    void concurrentIssuesNumberWithoutGaps() throws Exception {
        s.registeredSecretary().clientIn("QC");
        String engagement = s.fixed("5000.00").toString();
        List<String> drafts = IntStream.range(0, 10)
                .mapToObj(i -> s.fixedDraft(UUID.fromString(engagement), (i + 1) + ".00").toString()).toList();
        List<Response> answers = parallel(drafts.size(), i -> given().auth().oauth2(s.secretaryToken)
                .header("Idempotency-Key", "issue-" + drafts.get(i)).post("/api/v1/invoices/" + drafts.get(i) + "/issue"));
        assertThat(answers).allMatch(r -> r.statusCode() == 200);
        List<String> numbers = answers.stream().map(r -> r.jsonPath().getString("number")).sorted().toList();
        List<String> expected = IntStream.rangeClosed(1, 10).mapToObj(n -> Scenario.thisYear() + "-" + String.format("%06d", n)).toList();
        assertThat(numbers).isEqualTo(expected);
    }

    private static List<Response> parallel(int n, java.util.function.IntFunction<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
