package ca.pupitre.billing.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.billing.FakeServices;
import ca.pupitre.billing.Scenario;
import ca.pupitre.billing.service.WebhookSignatures;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BillingTestProfile.class)
class PaymentResourceTest {

    private final Scenario s = Scenario.fresh();

    private String issued546() {
        s.registeredSecretary().clientIn("QC");
        return s.issue(s.draftOf475()).getString("id");
    }

    private ValidatableResponse pay(String token, String invoice, String amount) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"amount\":\"" + amount + "\",\"method\":\"INTERAC\",\"reference\":\"CA1234\",\"receivedOn\":\"2026-11-30\"}")
                .post("/api/v1/invoices/" + invoice + "/payments").then();
    }

    @Test
    void partialThenFullPaymentMovesTheState() {
        String invoice = issued546();
        pay(s.secretaryToken, invoice, "200.00").statusCode(201).body("amount", equalTo("200.00"))
                .body("invoiceState", equalTo("PARTIALLY_PAID")).body("invoiceBalance", equalTo("346.13"));
        pay(s.secretaryToken, invoice, "346.14").statusCode(422).contentType("application/problem+json").body("code", equalTo("OVERPAYMENT"));
        pay(s.secretaryToken, invoice, "346.13").statusCode(201).body("invoiceState", equalTo("PAID")).body("invoiceBalance", equalTo("0.00"));
        pay(s.secretaryToken, invoice, "0.01").statusCode(422).body("code", equalTo("OVERPAYMENT"));
        given().auth().oauth2(s.clientToken).get("/api/v1/invoices/" + invoice + "/payments").then().statusCode(200).body("", hasSize(2));
        given().auth().oauth2(s.clientToken).get("/api/v1/invoices/" + invoice).then().body("state", equalTo("PAID")).body("paidTotal", equalTo("546.13"));
        String engagement = given().auth().oauth2(s.clientToken).get("/api/v1/invoices/" + invoice).then().extract().path("engagementId");
        // The attack: the secretary records the payment herself and her (sock-puppet) client reviews her.
        // Paid, but on her word alone: not reviewable until the client confirms every payment she recorded.
        reviewable(engagement, false);
        java.util.List<String> recorded = given().auth().oauth2(s.clientToken).get("/api/v1/invoices/" + invoice + "/payments")
                .then().extract().path("id");
        String confirm = "/api/v1/invoices/" + invoice + "/payments/" + recorded.get(0) + "/confirmation";
        given().auth().oauth2(s.secretaryToken).post(confirm).then().spec(forbidden());
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).post(confirm).then().statusCode(404);
        given().auth().oauth2(s.clientToken).post("/api/v1/invoices/" + invoice + "/payments/" + UUID.randomUUID() + "/confirmation")
                .then().statusCode(404).body("code", equalTo("PAYMENT_NOT_FOUND"));
        given().auth().oauth2(s.clientToken).post(confirm).then().statusCode(200).body("confirmedByClientAt", org.hamcrest.Matchers.notNullValue());
        reviewable(engagement, false);
        given().auth().oauth2(s.clientToken).post("/api/v1/invoices/" + invoice + "/payments/" + recorded.get(1) + "/confirmation")
                .then().statusCode(200);
        reviewable(engagement, true);
        given().auth().oauth2(s.secretaryToken).post("/api/v1/invoices/" + invoice + "/uncollectible").then().statusCode(409);
    }

    @Test
    void onlyTheIssuerRecordsPaymentsAndAmountsAreStrings() {
        String invoice = issued546();
        pay(s.clientToken, invoice, "10.00").spec(forbidden());
        pay(TestTokens.secretary(UUID.randomUUID()), invoice, "10.00").statusCode(404);
        pay(s.secretaryToken, invoice, "-1.00").statusCode(422).body("code", equalTo("INVALID_AMOUNT_FIELD"));
        pay(s.secretaryToken, invoice, "0.00").statusCode(422).body("code", equalTo("INVALID_AMOUNT_FIELD"));
        // longer than the 20 characters the OpenAPI document allows, though it would parse
        pay(s.secretaryToken, invoice, "0".repeat(16) + "10.00").statusCode(422).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", org.hamcrest.Matchers.endsWith("amount"));
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"amount\":10.5,\"method\":\"INTERAC\",\"receivedOn\":\"2026-11-30\"}")
                .post("/api/v1/invoices/" + invoice + "/payments").then().statusCode(400).body("code", equalTo("INVALID_VALUE"));
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"amount\":\"10.00\",\"method\":\"BITCOIN\",\"receivedOn\":\"2026-11-30\"}")
                .post("/api/v1/invoices/" + invoice + "/payments").then().statusCode(400).body("code", equalTo("INVALID_VALUE"));
    }

    @Test
    void aDraftTakesNoPaymentAndAnOpenInvoiceCanBeWrittenOff() {
        s.registeredSecretary().clientIn("QC");
        String draft = s.fixedDraft(s.fixed("10.00"), "10.00").toString();
        pay(s.secretaryToken, draft, "1.00").statusCode(409).body("code", equalTo("INVOICE_NOT_PAYABLE"));
        s.issue(UUID.fromString(draft));
        pay(s.secretaryToken, draft, "1.00").statusCode(201);
        given().auth().oauth2(s.secretaryToken).post("/api/v1/invoices/" + draft + "/uncollectible").then().statusCode(200)
                .body("state", equalTo("UNCOLLECTIBLE"));
        pay(s.secretaryToken, draft, "1.00").statusCode(409);
    }

    private static String event(String eventId, String invoice, String amount) {
        return "{\"eventId\":\"" + eventId + "\",\"invoiceId\":\"" + invoice + "\",\"amount\":\"" + amount
                + "\",\"method\":\"CARD\",\"reference\":\"pi_123\",\"receivedOn\":\"2026-11-30\"}";
    }

    private static ValidatableResponse webhook(String body, String signature) {
        return given().contentType(ContentType.JSON).header("Pupitre-Signature", signature).body(body)
                .post("/api/v1/billing/webhooks/payments").then();
    }

    private static String signed(String body, long at) {
        return "t=" + at + ",v1=" + WebhookSignatures.sign(FakeServices.WEBHOOK_SECRET, at, body);
    }

    @Test
    void aSignedWebhookConfirmsAPaymentOnce() {
        String invoice = issued546();
        String body = event("evt_" + UUID.randomUUID(), invoice, "546.13");
        long now = Instant.now().getEpochSecond();
        webhook(body, signed(body, now)).statusCode(201).body("source", equalTo("WEBHOOK")).body("invoiceState", equalTo("PAID"));
        webhook(body, signed(body, now)).statusCode(200).body("duplicate", equalTo(true));
        given().auth().oauth2(s.secretaryToken).get("/api/v1/invoices/" + invoice + "/payments").then().body("", hasSize(1));
        // confirmed by the payment provider: reviewable without the client's word
        reviewable(given().auth().oauth2(s.clientToken).get("/api/v1/invoices/" + invoice).then().extract().path("engagementId"), true);
    }

    private static void reviewable(String engagement, boolean expected) {
        given().auth().oauth2(TestTokens.service("matching")).get("/api/v1/engagements/" + engagement + "/review-eligibility")
                .then().statusCode(200).body("hasPaidInvoice", equalTo(expected));
    }

    @Test
    void webhooksWithABadSignatureOrTooOldAreRefused() {
        String invoice = issued546();
        String body = event("evt_" + UUID.randomUUID(), invoice, "10.00");
        long now = Instant.now().getEpochSecond();
        webhook(body, "t=" + now + ",v1=" + "0".repeat(64)).statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("WEBHOOK_SIGNATURE_INVALID"));
        webhook(body.replace("10.00", "1.00"), signed(body, now)).statusCode(401).body("code", equalTo("WEBHOOK_SIGNATURE_INVALID"));
        webhook(body, "v1=abc").spec(problem(401, "WEBHOOK_SIGNATURE_INVALID"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/billing/webhooks/payments").then().spec(problem(401, "WEBHOOK_SIGNATURE_INVALID"));
        webhook(body, signed(body, now - 301)).statusCode(401).body("code", equalTo("WEBHOOK_TOO_OLD"));
        webhook(body, signed(body, now - 240)).statusCode(201);
        String over = event("evt_" + UUID.randomUUID(), invoice, "9999.00");
        webhook(over, signed(over, now)).statusCode(422).body("code", equalTo("OVERPAYMENT"));
    }
}
