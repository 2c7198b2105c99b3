package ca.pupitre.matching.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import ca.pupitre.matching.FakeServices;
import ca.pupitre.matching.Market;
import ca.pupitre.matching.MatchingTestProfile;
import ca.pupitre.matching.service.ListingFeed;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MatchingTestProfile.class)
class ReferralResourceTest {

    @Inject
    ListingFeed feed;
    @ConfigProperty(name = FakeServices.URL_PROPERTY)
    String fakeUrl;

    UUID secretary;
    String skill;
    FakeServices.Control fake;

    @BeforeEach
    void aSecretaryWithAnOffer() {
        fake = new FakeServices.Control(fakeUrl);
        fake.listings("up");
        CircuitBreakerMaintenance.get().resetAll(); // a breaker an earlier test opened is closed again
        secretary = UUID.randomUUID();
        skill = "skill-" + UUID.randomUUID().toString().substring(0, 8);
        fake.publish(Market.offer(secretary).skills(skill).upsert());
        assertThat(feed.pollOnce().error()).isNull();
    }

    private static Map<String, String> conversion(UUID engagementId, UUID secretaryId, UUID clientId) {
        return Map.of("engagementId", engagementId.toString(), "secretaryId", secretaryId.toString(), "clientId", clientId.toString());
    }

    private String recommend(String clientToken, int status) {
        return given().auth().oauth2(clientToken).contentType(ContentType.JSON).body(Map.of("secretaryId", secretary.toString()))
                .post("/api/v1/referrals").then().statusCode(status).extract().path("code");
    }

    @Test
    void aNulByteOrBytesThatAreNotUtf8AreA400NotA500() {
        // reproduced before: GET /api/v1/referrals/%00 with a signed-in client reached PostgreSQL and answered 500
        for (String path : List.of("/api/v1/referrals/%00", "/api/v1/referrals/%FF", "/api/v1/referrals/AB%00CD",
                "/api/v1/matches?requestId=%00", "/api/v1/alerts?cursor=%C3%28")) {
            given().auth().oauth2(TestTokens.client(UUID.randomUUID())).urlEncodingEnabled(false).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_URI_ENCODING"))
                    .body("title", equalTo("Adresse invalide"));
        }
        // a NUL inside a JSON text that would be stored is refused as well (PostgreSQL cannot store it), never a 500
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"name\":\"nul\\u0000alerte\",\"q\":\"paie\",\"frequency\":\"DAILY\"}").post("/api/v1/alerts").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_TEXT_ENCODING"));
    }

    @Test
    void clientsRecommendASecretaryAndDistinctClientsAreCounted() {
        String client = TestTokens.client(UUID.randomUUID());
        var created = given().auth().oauth2(client).contentType(ContentType.JSON).body(Map.of("secretaryId", secretary.toString()))
                .post("/api/v1/referrals").then().statusCode(201).extract();
        String code = created.path("code");
        assertThat(code).matches("[A-Z2-9]{10}");
        assertThat(created.header("Location")).endsWith("/api/v1/referrals/" + code);
        assertThat((String) created.path("link")).isEqualTo("https://pupitre.test/api/v1/referrals/" + code);
        // the same client again: the same referral, not a second recommendation
        assertThat(recommend(client, 200)).isEqualTo(code);
        recommend(TestTokens.client(UUID.randomUUID()), 201);

        given().get("/api/v1/referrals/secretaries/" + secretary).then().statusCode(200)
                .body("secretaryId", equalTo(secretary.toString())).body("recommendedBy", equalTo(2)).body("conversions", equalTo(0));
        given().get("/api/v1/referrals/" + code).then().statusCode(200)
                .body("secretaryId", equalTo(secretary.toString())).body("recommendedBy", equalTo(2));
        given().auth().oauth2(client).get("/api/v1/referrals").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].link", matchesPattern("https://pupitre\\.test/api/v1/referrals/" + code));
        given().get("/api/v1/referrals/NOPE234567").then().statusCode(404).body("code", equalTo("REFERRAL_NOT_FOUND"));

        // the secretary's matches say so, in the caller's language (weight 0: it explains, it does not rank)
        UUID requester = UUID.randomUUID();
        Market request = Market.request(requester).skills(skill);
        fake.publish(request.upsert());
        assertThat(feed.pollOnce().error()).isNull();
        given().auth().oauth2(TestTokens.client(requester)).queryParam("requestId", request.id.toString())
                .get("/api/v1/matches").then().statusCode(200)
                .body("items[0].secretaryId", equalTo(secretary.toString()))
                .body("items[0].reasons.find { it.factor == 'REFERRALS' }.text", equalTo("Recommandé(e) par 2 clients"))
                .body("items[0].reasons.find { it.factor == 'REFERRALS' }.weight", equalTo(0.0f));
        given().auth().oauth2(TestTokens.client(requester)).header("Accept-Language", "en-CA").queryParam("requestId", request.id.toString())
                .get("/api/v1/matches").then().statusCode(200)
                .body("items[0].reasons.find { it.factor == 'REFERRALS' }.text", equalTo("Recommended by 2 clients"));
    }

    @Test
    void conversionsAreCountedOncePerEngagementByServicesOnly() {
        UUID recommender = UUID.randomUUID();
        String code = recommend(TestTokens.client(recommender), 201);
        String other = recommend(TestTokens.client(UUID.randomUUID()), 201);
        String billing = TestTokens.service("billing");
        UUID newClient = UUID.randomUUID();
        Map<String, String> engagement = conversion(UUID.randomUUID(), secretary, newClient);
        // only billing reports conversions: another service's token is refused
        given().auth().oauth2(TestTokens.service("matching")).contentType(ContentType.JSON).body(engagement)
                .post("/api/v1/referrals/" + code + "/conversions").then().spec(forbidden());
        given().auth().oauth2(billing).contentType(ContentType.JSON).body(engagement)
                .post("/api/v1/referrals/" + code + "/conversions").then().statusCode(201).body("code", equalTo(code));
        given().auth().oauth2(billing).contentType(ContentType.JSON).body(engagement)
                .post("/api/v1/referrals/" + code + "/conversions").then().statusCode(200);
        given().auth().oauth2(billing).contentType(ContentType.JSON).body(engagement)
                .post("/api/v1/referrals/" + other + "/conversions").then().statusCode(409).body("code", equalTo("ENGAGEMENT_ALREADY_COUNTED"));
        given().auth().oauth2(billing).contentType(ContentType.JSON).body(conversion(UUID.randomUUID(), secretary, newClient))
                .post("/api/v1/referrals/NOPE234567/conversions").then().statusCode(404);
        given().auth().oauth2(billing).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/referrals/" + code + "/conversions").then().statusCode(422);
        given().auth().oauth2(billing).contentType(ContentType.JSON).body(Map.of("engagementId", UUID.randomUUID().toString()))
                .post("/api/v1/referrals/" + code + "/conversions").then().statusCode(422);

        // The attack: a client engages some secretary and types a code she picked: another secretary's referral,
        // or her own recommendation of the very secretary she engages. Neither counts.
        given().auth().oauth2(billing).contentType(ContentType.JSON).body(conversion(UUID.randomUUID(), UUID.randomUUID(), newClient))
                .post("/api/v1/referrals/" + code + "/conversions").then().statusCode(422).body("code", equalTo("REFERRAL_MISMATCH"));
        given().auth().oauth2(billing).contentType(ContentType.JSON).body(conversion(UUID.randomUUID(), secretary, recommender))
                .post("/api/v1/referrals/" + code + "/conversions").then().statusCode(422).body("code", equalTo("REFERRAL_MISMATCH"));
        given().get("/api/v1/referrals/secretaries/" + secretary).then().body("conversions", equalTo(1)).body("recommendedBy", equalTo(2));

        Map<String, String> another = Map.of("engagementId", UUID.randomUUID().toString());
        given().contentType(ContentType.JSON).body(another).post("/api/v1/referrals/" + code + "/conversions").then().spec(unauthorized());
        for (String wrong : new String[] {TestTokens.client(UUID.randomUUID()), TestTokens.secretary(secretary),
                TestTokens.partner(UUID.randomUUID()), TestTokens.admin(UUID.randomUUID())}) {
            given().auth().oauth2(wrong).contentType(ContentType.JSON).body(another)
                    .post("/api/v1/referrals/" + code + "/conversions").then().spec(forbidden());
        }
        given().get("/api/v1/referrals/secretaries/" + secretary).then().body("conversions", equalTo(1));
    }

    @Test
    void onlyClientsRecommendAndOnlyKnownSecretaries() {
        Map<String, String> body = Map.of("secretaryId", secretary.toString());
        given().contentType(ContentType.JSON).body(body).post("/api/v1/referrals").then().spec(unauthorized())
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.secretary(UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/referrals").then().spec(forbidden());
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/referrals").then().spec(forbidden()).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.service("billing")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/referrals").then().spec(forbidden());
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).get("/api/v1/referrals").then().spec(forbidden());
        given().get("/api/v1/referrals").then().spec(unauthorized());
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("secretaryId", UUID.randomUUID().toString()))
                .post("/api/v1/referrals").then().statusCode(422).body("code", equalTo("SECRETARY_NOT_FOUND"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/referrals").then().statusCode(422);
        given().get("/api/v1/referrals/secretaries/" + secretary).then().statusCode(200).body("recommendedBy", equalTo(0));
    }
}
