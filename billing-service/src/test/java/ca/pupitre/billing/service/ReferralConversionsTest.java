package ca.pupitre.billing.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.billing.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Referral conversions reported to matching-service (the fake) by the outbox job, invoked directly here. */
@QuarkusTest
@TestProfile(BillingTestProfile.class)
class ReferralConversionsTest {

    @Inject
    OutboxDelivery delivery;

    private final Scenario s = Scenario.fresh();

    private static String newCode() {
        return "REF" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private UUID engagement(String referralCode) {
        s.registeredSecretary().clientIn("QC");
        String code = referralCode == null ? "" : ",\"referralCode\":\"" + referralCode + "\"";
        return UUID.fromString(given().auth().oauth2(s.clientToken).contentType(ContentType.JSON)
                .body("{\"invitationId\":\"" + s.acceptedInvitation() + "\",\"pricing\":{\"type\":\"FIXED\",\"amount\":\"800.00\"},"
                        + "\"terms\":\"NET_15\"" + code + "}")
                .post("/api/v1/engagements").then().statusCode(201)
                .body("referralCode", equalTo(referralCode)).extract().path("id"));
    }

    /** Issues a 100.00 milestone invoice on the engagement; returns {id, total}. */
    private String[] issuedInvoice(UUID engagement) {
        var issued = s.issue(s.fixedDraft(engagement, "100.00"));
        return new String[] {issued.getString("id"), issued.getString("total")};
    }

    private void pay(String invoice, String amount) {
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"amount\":\"" + amount + "\",\"method\":\"INTERAC\",\"reference\":\"CA1\",\"receivedOn\":\"2026-11-30\"}")
                .post("/api/v1/invoices/" + invoice + "/payments").then().statusCode(201);
    }

    /** The conversion calls matching received about this engagement, oldest first. */
    private static List<Scenario.Call> calls(UUID engagement) {
        return Scenario.calls("POST", "/api/v1/referrals/[^/]+/conversions").stream()
                .filter(c -> c.body().contains(engagement.toString())).toList();
    }

    private static long withStatus(List<Scenario.Call> calls, int status) {
        return calls.stream().filter(c -> c.status() == status).count();
    }

    /** Runs the delivery job until matching answered something other than 503 for this engagement. */
    private List<Scenario.Call> deliverUntilAnswered(UUID engagement, Duration max) {
        return Awaitility.await().atMost(max).pollInterval(Duration.ofMillis(250)).until(() -> {
            delivery.deliverDue();
            return calls(engagement);
        }, calls -> calls.stream().anyMatch(c -> c.status() != 503));
    }

    @Test
    void theFirstPaidInvoiceIsReportedOnceWithTheEngagementAndBillingsServiceToken() throws Exception {
        String code = newCode();
        UUID engagement = engagement(code);
        String[] invoice = issuedInvoice(engagement);
        pay(invoice[0], "10.00");
        delivery.deliverDue();
        assertThat(calls(engagement)).as("a partial payment is not a conversion").isEmpty();

        pay(invoice[0], new BigDecimal(invoice[1]).subtract(new BigDecimal("10.00")).toPlainString());
        List<Scenario.Call> calls = deliverUntilAnswered(engagement, Duration.ofSeconds(15));
        delivery.deliverDue();
        delivery.deliverDue();
        // a second paid invoice of the same engagement is not another conversion
        String[] second = issuedInvoice(engagement);
        pay(second[0], second[1]);
        delivery.deliverDue(); // the job ran (twice) since the payment: had it anything to send, it was sent
        delivery.deliverDue();
        calls = calls(engagement);
        assertThat(calls).hasSize(1);
        Scenario.Call call = calls.get(0);
        assertThat(call.path()).isEqualTo("/api/v1/referrals/" + code + "/conversions");
        assertThat(call.status()).isEqualTo(201);
        assertThat(call.body()).contains("\"engagementId\":\"" + engagement + "\"");
        // with the engagement's own secretary and client, so matching can refuse a code that is not theirs
        assertThat(call.body()).contains("\"secretaryId\":\"" + s.secretary + "\"").contains("\"clientId\":\"" + s.client + "\"");
        String claims = new String(Base64.getUrlDecoder().decode(call.authorization().substring("Bearer ".length()).split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"service:billing\"");
    }

    @Test
    void matchingDownIsRetriedUntilItAnswers() throws Exception {
        String code = newCode();
        Scenario.failReferral(code, 4);
        UUID engagement = engagement(code);
        String[] invoice = issuedInvoice(engagement);
        pay(invoice[0], invoice[1]);
        List<Scenario.Call> calls = deliverUntilAnswered(engagement, Duration.ofSeconds(25));
        assertThat(withStatus(calls, 503)).isEqualTo(4);
        assertThat(withStatus(calls, 201)).isEqualTo(1);
        delivery.deliverDue();
        delivery.deliverDue();
        assertThat(calls(engagement)).hasSize(5);
    }

    @Test
    void unknownCodeAndCodeCountedElsewhereAreAnswersNotRetried() throws Exception {
        for (int status : new int[] {404, 409, 422}) {
            String code = newCode();
            Scenario.referralStatus(code, status);
            UUID engagement = engagement(code);
            String[] invoice = issuedInvoice(engagement);
            pay(invoice[0], invoice[1]);
            assertThat(deliverUntilAnswered(engagement, Duration.ofSeconds(15))).hasSize(1);
            delivery.deliverDue();
            delivery.deliverDue();
            assertThat(calls(engagement)).as("status %d", status).hasSize(1);
        }
    }

    @Test
    void anEngagementWithoutReferralNeverCallsMatching() throws Exception {
        UUID engagement = engagement(null);
        String[] invoice = issuedInvoice(engagement);
        pay(invoice[0], invoice[1]);
        delivery.deliverDue();
        delivery.deliverDue();
        assertThat(calls(engagement)).isEmpty();
    }

    @Test
    void aMalformedReferralCodeIs422() {
        for (String bad : List.of("ab1", "bad code", "REF/123", "x".repeat(65))) {
            given().auth().oauth2(s.clientToken).contentType(ContentType.JSON)
                    .body("{\"invitationId\":\"" + s.acceptedInvitation() + "\",\"pricing\":{\"type\":\"HOURLY\",\"rate\":\"45.00\"},"
                            + "\"terms\":\"NET_30\",\"referralCode\":\"" + bad + "\"}")
                    .post("/api/v1/engagements").then().statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
    }
}
