package ca.pupitre.matching.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.problem;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ca.pupitre.matching.FakeServices;
import ca.pupitre.matching.MatchingTestProfile;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MatchingTestProfile.class)
class ReviewResourceTest {

    @ConfigProperty(name = FakeServices.URL_PROPERTY)
    String fakeUrl;

    FakeServices.Control fake;
    UUID client;
    UUID secretary;
    UUID engagement;

    @BeforeEach
    void engagement() {
        fake = new FakeServices.Control(fakeUrl);
        fake.billing("up");
        CircuitBreakerMaintenance.get().resetAll(); // a breaker an earlier test opened is closed again
        client = UUID.randomUUID();
        secretary = UUID.randomUUID();
        engagement = UUID.randomUUID();
    }

    @AfterEach
    void billingBackUp() {
        fake.billing("up");
    }

    private void billingSays(UUID engagementId, boolean paid) {
        fake.eligibility(engagementId.toString(), "{\"engagementId\":\"" + engagementId + "\",\"clientId\":\"" + client
                + "\",\"secretaryId\":\"" + secretary + "\",\"hasPaidInvoice\":" + paid + "}");
    }

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private Map<String, Object> review(UUID engagementId, int stars) {
        return Map.of("engagementId", engagementId, "stars", stars, "text", "Travail impeccable, délais respectés.");
    }

    @Test
    void aClientWithAPaidInvoiceReviewsOnceAndTheSecretaryAnswersOnce() {
        billingSays(engagement, true);
        String id = as(TestTokens.client(client)).body(review(engagement, 5)).post("/api/v1/reviews")
                .then().statusCode(201).body("stars", equalTo(5)).body("secretaryId", equalTo(secretary.toString()))
                .extract().path("id");
        as(TestTokens.client(client)).body(review(engagement, 4)).post("/api/v1/reviews")
                .then().statusCode(409).body("code", equalTo("REVIEW_ALREADY_EXISTS"));
        // another client is refused as such, and not told that a review exists
        as(TestTokens.client(UUID.randomUUID())).body(review(engagement, 1)).post("/api/v1/reviews")
                .then().statusCode(403).body("code", equalTo("NOT_ENGAGEMENT_CLIENT"));
        as(TestTokens.secretary(UUID.randomUUID())).body(Map.of("text", "Merci")).post("/api/v1/reviews/" + id + "/answer")
                .then().spec(problem(403, "NOT_REVIEWED_SECRETARY"));
        as(TestTokens.secretary(secretary)).body(Map.of("text", "Merci beaucoup !")).post("/api/v1/reviews/" + id + "/answer")
                .then().statusCode(200).body("answer", equalTo("Merci beaucoup !")).body("answeredAt", notNullValue());
        as(TestTokens.secretary(secretary)).body(Map.of("text", "Encore merci")).post("/api/v1/reviews/" + id + "/answer")
                .then().statusCode(409).body("code", equalTo("ANSWER_ALREADY_EXISTS"));
        given().queryParam("secretaryId", secretary).get("/api/v1/reviews").then().statusCode(200)
                .body("count", equalTo(1)).body("items", hasSize(1)).body("items[0].answer", equalTo("Merci beaucoup !"))
                .body("weightedAverage", equalTo(4.1f));
    }

    @Test
    void publicReviewsNameTheAuthorByADisplayFormNeverByIds() {
        billingSays(engagement, true);
        as(TestTokens.client(client)).body(review(engagement, 4)).post("/api/v1/reviews").then().statusCode(201)
                .body("clientId", equalTo(client.toString())).body("engagementId", equalTo(engagement.toString()));
        for (String reader : new String[] {null, TestTokens.secretary(secretary), TestTokens.client(UUID.randomUUID())}) {
            var request = reader == null ? given() : given().auth().oauth2(reader);
            request.queryParam("secretaryId", secretary).get("/api/v1/reviews").then().statusCode(200)
                    .body("items[0].author", equalTo("Client vérifié"))
                    .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("clientId")))
                    .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("engagementId")));
        }
        given().header("Accept-Language", "en-CA").queryParam("secretaryId", secretary).get("/api/v1/reviews").then()
                .body("items[0].author", equalTo("Verified client"));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).queryParam("secretaryId", secretary).get("/api/v1/reviews")
                .then().body("items[0].clientId", equalTo(client.toString()));
    }

    @Test
    void reviewingNeedsAVerifiedEmailAddress() {
        billingSays(engagement, true);
        as(TestTokens.unverified(client, "CLIENT")).body(review(engagement, 5)).post("/api/v1/reviews").then().statusCode(403)
                .body("code", equalTo("EMAIL_NOT_VERIFIED"));
        given().queryParam("secretaryId", secretary).get("/api/v1/reviews").then().body("count", equalTo(0));
    }

    @Test
    void noPaidInvoiceUnknownEngagementOrSomeoneElsesEngagementIsRefused() {
        billingSays(engagement, false);
        as(TestTokens.client(client)).body(review(engagement, 5)).post("/api/v1/reviews")
                .then().statusCode(422).body("code", equalTo("NO_PAID_INVOICE"));
        as(TestTokens.client(client)).body(review(UUID.randomUUID(), 5)).post("/api/v1/reviews")
                .then().statusCode(422).body("code", equalTo("ENGAGEMENT_NOT_FOUND"));
        UUID paid = UUID.randomUUID();
        billingSays(paid, true);
        as(TestTokens.client(UUID.randomUUID())).body(review(paid, 1)).post("/api/v1/reviews")
                .then().statusCode(403).body("code", equalTo("NOT_ENGAGEMENT_CLIENT"));
        as(TestTokens.secretary(secretary)).body(review(paid, 5)).post("/api/v1/reviews").then().spec(forbidden());
        as(TestTokens.partner(UUID.randomUUID())).body(review(paid, 5)).post("/api/v1/reviews").then().spec(forbidden());
        given().contentType(ContentType.JSON).body(review(paid, 5)).post("/api/v1/reviews").then().spec(unauthorized());
        as(TestTokens.client(client)).body(review(paid, 6)).post("/api/v1/reviews").then().statusCode(422);
        given().queryParam("secretaryId", secretary).get("/api/v1/reviews").then().body("count", equalTo(0));
    }

    @Test
    void whenBillingIsUnreachableTheReviewIsRefusedNotStoredUnverified() {
        billingSays(engagement, true);
        fake.billing("down");
        as(TestTokens.client(client)).body(review(engagement, 5)).post("/api/v1/reviews")
                .then().statusCode(503).contentType("application/problem+json").body("code", equalTo("BILLING_UNAVAILABLE"));
        given().queryParam("secretaryId", secretary).get("/api/v1/reviews").then().body("count", equalTo(0));
    }

    @Test
    void anAdminHidesAReviewFromThePublicList() {
        billingSays(engagement, true);
        String id = as(TestTokens.client(client)).body(review(engagement, 1)).post("/api/v1/reviews")
                .then().statusCode(201).extract().path("id");
        as(TestTokens.secretary(secretary)).body(Map.of("text", "Propos diffamatoires")).post("/api/v1/reviews/" + id + "/reports")
                .then().statusCode(202);
        as(TestTokens.secretary(secretary)).body(Map.of("text", "x")).post("/api/v1/reviews/" + id + "/hide").then().spec(forbidden());
        // a moderator must say why (the web app's form asks for it)
        as(TestTokens.admin(UUID.randomUUID())).body(Map.of("text", " ")).post("/api/v1/reviews/" + id + "/hide")
                .then().statusCode(422).body("code", equalTo("VALIDATION_FAILED"));
        given().queryParam("secretaryId", secretary).get("/api/v1/reviews").then().body("count", equalTo(1));
        as(TestTokens.admin(UUID.randomUUID())).body(Map.of("text", "Propos diffamatoires")).post("/api/v1/reviews/" + id + "/hide")
                .then().statusCode(200).body("hidden", equalTo(true)).body("reportCount", equalTo(1));
        given().queryParam("secretaryId", secretary).get("/api/v1/reviews").then().body("count", equalTo(0));
        as(TestTokens.admin(UUID.randomUUID())).post("/api/v1/reviews/" + id + "/unhide").then().statusCode(200);
        given().queryParam("secretaryId", secretary).get("/api/v1/reviews").then().body("count", equalTo(1))
                .body("items[0].reportCount", nullValue());
        // the list shows moderation fields to an admin only
        as(TestTokens.admin(UUID.randomUUID())).queryParam("secretaryId", secretary).get("/api/v1/reviews").then()
                .body("items[0].reportCount", equalTo(1)).body("items[0].hidden", equalTo(false));
    }
}
