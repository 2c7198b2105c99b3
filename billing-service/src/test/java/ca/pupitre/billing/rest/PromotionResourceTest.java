package ca.pupitre.billing.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.billing.FakeServices;
import ca.pupitre.billing.Scenario;
import ca.pupitre.billing.service.OutboxDelivery;
import ca.pupitre.billing.service.WebhookSignatures;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BillingTestProfile.class)
class PromotionResourceTest {

    @Inject
    OutboxDelivery delivery;

    private final Scenario s = Scenario.fresh();

    private JsonPath buy(UUID listing, int days) {
        return given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"listingId\":\"" + listing + "\",\"days\":" + days + "}")
                .post("/api/v1/promotions").then().statusCode(201).extract().jsonPath();
    }

    private static void payByWebhook(String invoice, String amount) {
        String body = "{\"eventId\":\"evt_" + UUID.randomUUID() + "\",\"invoiceId\":\"" + invoice + "\",\"amount\":\"" + amount
                + "\",\"method\":\"CARD\",\"reference\":\"pi_1\",\"receivedOn\":\"2026-11-27\"}";
        long now = Instant.now().getEpochSecond();
        given().contentType(ContentType.JSON).header("Pupitre-Signature", "t=" + now + ",v1=" + WebhookSignatures.sign(FakeServices.WEBHOOK_SECRET, now, body))
                .body(body).post("/api/v1/billing/webhooks/payments").then().statusCode(201);
    }

    /** The featured calls listings-service applied (answered 200) for this listing, oldest first. */
    private static List<Scenario.Call> featuredCalls(UUID listing) {
        return Scenario.calls("PUT", "/api/v1/listings/" + listing + "/featured").stream().filter(c -> c.status() == 200).toList();
    }

    /** The outbox's calls to listings for this offer, once there is one (fails after {@code max}). */
    private static List<Scenario.Call> awaitFeaturedCalls(UUID listing, Duration max) {
        return Awaitility.await().atMost(max).pollInterval(Duration.ofMillis(200))
                .until(() -> featuredCalls(listing), calls -> !calls.isEmpty());
    }

    @Test
    void pupitreInvoicesTheSecretaryAndFeaturesTheOfferOnceItIsPaid() throws Exception {
        s.registeredSecretary();
        UUID listing = UUID.randomUUID();
        JsonPath promotion = buy(listing, 7);
        assertThat(promotion.getString("state")).isEqualTo("AWAITING_PAYMENT");
        assertThat(promotion.getString("invoice.state")).isEqualTo("ISSUED");
        assertThat(promotion.getString("invoice.number")).matches(Scenario.thisYear() + "-\\d{6}");
        assertThat(promotion.getString("invoice.supplier.name")).isEqualTo("Pupitre inc.");
        assertThat(promotion.getString("invoice.supplier.gstNumber")).isEqualTo(FakeServices.PUPITRE_GST);
        assertThat(promotion.getString("invoice.supplier.qstNumber")).isEqualTo(FakeServices.PUPITRE_QST);
        assertThat(promotion.getString("invoice.client.name")).isEqualTo("Marie Tremblay");
        assertThat(promotion.getString("invoice.subtotal")).isEqualTo("15.00");
        assertThat(promotion.getString("invoice.taxes[0].amount")).isEqualTo("0.75");
        assertThat(promotion.getString("invoice.taxes[1].amount")).isEqualTo("1.50");
        assertThat(promotion.getString("invoice.total")).isEqualTo("17.25");
        String invoice = promotion.getString("invoice.id");
        // the secretary sees Pupitre's invoice to her, and nothing reaches listings before payment
        given().auth().oauth2(s.secretaryToken).get("/api/v1/invoices/" + invoice).then().statusCode(200);
        delivery.deliverDue(); // the job ran: before payment there is nothing for it to send
        assertThat(featuredCalls(listing)).isEmpty();

        payByWebhook(invoice, "17.25");
        JsonPath paid = given().auth().oauth2(s.secretaryToken).get("/api/v1/promotions/" + promotion.getString("id"))
                .then().statusCode(200).body("state", equalTo("PAID")).extract().jsonPath();
        Instant featuredUntil = Instant.parse(paid.getString("featuredUntil"));
        assertThat(featuredUntil).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)));

        List<Scenario.Call> calls = awaitFeaturedCalls(listing, Duration.ofSeconds(15));
        assertThat(calls).hasSize(1);
        Scenario.Call call = calls.get(0);
        assertThat(Instant.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(call.body()).get("featuredUntil").asText()))
                .isEqualTo(featuredUntil);
        assertThat(call.authorization()).startsWith("Bearer ");
        String claims = new String(Base64.getUrlDecoder().decode(call.authorization().substring(7).split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"service:billing\"");
        delivery.deliverDue();
        delivery.deliverDue();
        assertThat(featuredCalls(listing)).as("never applied twice").hasSize(1);
    }

    @Test
    void listingsBeingDownIsRetriedUntilItSucceeds() throws Exception {
        s.registeredSecretary();
        UUID listing = UUID.randomUUID();
        Scenario.failListing(listing, 4);
        JsonPath promotion = buy(listing, 30);
        assertThat(promotion.getString("invoice.subtotal")).isEqualTo("45.00");
        payByWebhook(promotion.getString("invoice.id"), promotion.getString("invoice.total"));
        List<Scenario.Call> calls = awaitFeaturedCalls(listing, Duration.ofSeconds(20));
        assertThat(calls).hasSize(1);
        delivery.deliverDue();
        delivery.deliverDue();
        assertThat(featuredCalls(listing)).hasSize(1);
    }

    @Test
    void onlySevenOrThirtyDaysAndOnlyWithAProfile() {
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).body("{\"listingId\":\"" + UUID.randomUUID() + "\",\"days\":7}")
                .post("/api/v1/promotions").then().statusCode(409).body("code", equalTo("BUYER_PROFILE_REQUIRED"));
        s.registeredSecretary();
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).body("{\"listingId\":\"" + UUID.randomUUID() + "\",\"days\":14}")
                .post("/api/v1/promotions").then().statusCode(422).body("code", equalTo("INVALID_PROMOTION_DAYS"));
        given().auth().oauth2(s.clientToken).contentType(ContentType.JSON).body("{\"listingId\":\"" + UUID.randomUUID() + "\",\"days\":7}")
                .post("/api/v1/promotions").then().spec(forbidden());
        String id = buy(UUID.randomUUID(), 7).getString("id");
        given().auth().oauth2(TestTokens.secretary(UUID.randomUUID())).get("/api/v1/promotions/" + id).then().statusCode(404);
    }

    @Test
    void aSecretaryPromotesOnlyHerOwnExistingOffer() {
        s.registeredSecretary();
        UUID someoneElses = UUID.randomUUID();
        Scenario.listingOwnedBy(someoneElses, UUID.randomUUID());
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"listingId\":\"" + someoneElses + "\",\"days\":7}")
                .post("/api/v1/promotions").then().statusCode(403).body("code", equalTo("NOT_YOUR_OFFER"));
        UUID gone = UUID.randomUUID();
        Scenario.listingMissing(gone);
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"listingId\":\"" + gone + "\",\"days\":7}")
                .post("/api/v1/promotions").then().statusCode(404).body("code", equalTo("LISTING_NOT_FOUND"));
    }
}
