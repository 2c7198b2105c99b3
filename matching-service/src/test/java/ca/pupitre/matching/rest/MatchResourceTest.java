package ca.pupitre.matching.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.problem;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import ca.pupitre.matching.FakeServices;
import ca.pupitre.matching.Market;
import ca.pupitre.matching.MatchingTestProfile;
import ca.pupitre.matching.service.ListingFeed;
import ca.pupitre.matching.service.SkillCatalog;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@TestProfile(MatchingTestProfile.class)
class MatchResourceTest {

    @Inject
    ListingFeed feed;
    @Inject
    SkillCatalog skills;
    @ConfigProperty(name = FakeServices.URL_PROPERTY)
    String fakeUrl;

    FakeServices.Control fake;
    UUID client;
    UUID secretary;
    Market request;
    Market fitting;
    Market tooExpensive;
    Market englishOnly;
    Market relatedSkill;

    @BeforeEach
    void market() {
        fake = new FakeServices.Control(fakeUrl);
        fake.listings("up");
        CircuitBreakerMaintenance.get().resetAll(); // a breaker an earlier test opened is closed again
        client = UUID.randomUUID();
        secretary = UUID.randomUUID();
        // a unique skill keeps other tests' offers out of this market
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 8);
        request = Market.request(client).skills(skill);
        fitting = Market.offer(secretary).skills(skill, "layout");
        tooExpensive = Market.offer(UUID.randomUUID()).skills(skill).amount("60.00");
        englishOnly = Market.offer(UUID.randomUUID()).skills(skill).languages("en");
        relatedSkill = Market.offer(UUID.randomUUID()).skills("bookkeeping");
        for (Market m : List.of(request, fitting, tooExpensive, englishOnly, relatedSkill)) {
            fake.publish(m.upsert());
        }
        assertThat(feed.pollOnce().error()).isNull();
        skills.refresh();
    }

    @Test
    void aClientSeesOnlyQualifiedOffersWithTheScoreExplainedInFrenchByDefault() {
        JsonPath body = given().auth().oauth2(TestTokens.client(client)).queryParam("requestId", request.id)
                .get("/api/v1/matches").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].offerId", equalTo(fitting.id.toString()))
                .body("items[0].secretaryId", equalTo(secretary.toString()))
                .body("items[0].newcomer", equalTo(true))
                .extract().jsonPath();
        List<Map<String, Object>> reasons = body.getList("items[0].reasons");
        double sum = reasons.stream().mapToDouble(r -> ((Number) r.get("weight")).doubleValue() * ((Number) r.get("value")).doubleValue()).sum();
        assertThat(body.getDouble("items[0].score")).isCloseTo(sum, within(1e-5));
        assertThat(reasons).extracting(r -> r.get("factor")).contains("SKILLS", "PRICE", "CAPACITY", "TURNAROUND",
                "RESPONSIVENESS", "REPUTATION", "LANGUAGES", "REGION", "NEWCOMER");
        assertThat(reasons).extracting(r -> (String) r.get("text")).anyMatch(t -> t.contains("38,00 $ de l'heure"));
        assertThat(reasons).extracting(r -> (String) r.get("text")).anyMatch(t -> t.contains("Nouveau sur Pupitre"));
    }

    @Test
    void explainsInEnglishWhenAsked() {
        List<String> texts = given().auth().oauth2(TestTokens.client(client)).header("Accept-Language", "en-CA,en;q=0.9")
                .queryParam("requestId", request.id).get("/api/v1/matches")
                .then().statusCode(200).extract().jsonPath().getList("items[0].reasons.text");
        assertThat(texts).anyMatch(t -> t.contains("$38.00 per hour")).anyMatch(t -> t.contains("New on Pupitre"));
    }

    @Test
    void aSecretarySeesOpenRequestsForHerOffer() {
        given().auth().oauth2(TestTokens.secretary(secretary)).queryParam("offerId", fitting.id).queryParam("limit", 100)
                .get("/api/v1/matches").then().statusCode(200)
                .body("items.requestId", org.hamcrest.Matchers.hasItem(request.id.toString()))
                .body("items.find { it.requestId == '" + request.id + "' }.clientId", equalTo(client.toString()));
    }

    @Test
    void anAnonymousRequestNamesItsClientOnlyToAdminsAndSecretariesItInvited() throws InterruptedException {
        // The attack: any secretary with an offer asks for the requests matching it and reads their clients' ids.
        UUID hidden = UUID.randomUUID();
        Market anonymous = Market.request(hidden).skills(request.skills.get(0)).anonymous();
        fake.publish(anonymous.upsert());
        assertThat(feed.pollOnce().error()).isNull();
        String find = "items.find { it.requestId == '" + anonymous.id + "' }";

        given().auth().oauth2(TestTokens.secretary(secretary)).queryParam("offerId", fitting.id).queryParam("limit", 100)
                .get("/api/v1/matches").then().statusCode(200)
                .body(find + ".requestId", equalTo(anonymous.id.toString()))
                .body(find + ".clientId", org.hamcrest.Matchers.nullValue())
                .body("items.find { it.requestId == '" + request.id + "' }.clientId", equalTo(client.toString()));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).queryParam("offerId", fitting.id).queryParam("limit", 100)
                .get("/api/v1/matches").then().statusCode(200).body(find + ".clientId", equalTo(hidden.toString()));

        // once that client invites her, she may know who it is
        given().auth().oauth2(TestTokens.client(hidden)).contentType(ContentType.JSON)
                .body(Map.of("requestId", anonymous.id, "offerId", fitting.id, "message", "Bonjour"))
                .post("/api/v1/invitations").then().statusCode(201);
        given().auth().oauth2(TestTokens.secretary(secretary)).queryParam("offerId", fitting.id).queryParam("limit", 100)
                .get("/api/v1/matches").then().statusCode(200).body(find + ".clientId", equalTo(hidden.toString()));
    }

    @Test
    void aBlockExcludesBothWays() {
        given().auth().oauth2(TestTokens.secretary(secretary)).contentType(ContentType.JSON).body(Map.of("clientId", client))
                .post("/api/v1/blocks").then().statusCode(201);
        given().auth().oauth2(TestTokens.client(client)).queryParam("requestId", request.id).get("/api/v1/matches")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestTokens.secretary(secretary)).queryParam("offerId", fitting.id).queryParam("limit", 100)
                .get("/api/v1/matches").then().statusCode(200)
                .body("items.requestId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(request.id.toString())));
    }

    @Test
    void aClosedListingIsNoLongerMatched() {
        fake.publish(fitting.tombstone("CLOSED"));
        feed.pollOnce();
        given().auth().oauth2(TestTokens.client(client)).queryParam("requestId", request.id).get("/api/v1/matches")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void onlyTheListingsOwnerOrAnAdminMayAsk() {
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).queryParam("requestId", request.id).get("/api/v1/matches")
                .then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).queryParam("requestId", request.id).get("/api/v1/matches")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("NOT_LISTING_OWNER"));
        given().auth().oauth2(TestTokens.secretary(secretary)).queryParam("requestId", request.id).get("/api/v1/matches")
                .then().spec(problem(403, "NOT_LISTING_OWNER"));
        given().auth().oauth2(TestTokens.secretary(UUID.randomUUID())).queryParam("offerId", fitting.id).get("/api/v1/matches")
                .then().statusCode(403).body("code", equalTo("NOT_LISTING_OWNER"));
        given().auth().oauth2(TestTokens.client(client)).queryParam("offerId", fitting.id).get("/api/v1/matches")
                .then().spec(problem(403, "NOT_LISTING_OWNER"));
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).queryParam("requestId", request.id).get("/api/v1/matches")
                .then().spec(forbidden()).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.service("billing")).queryParam("requestId", request.id).get("/api/v1/matches")
                .then().spec(forbidden());
        given().queryParam("requestId", request.id).get("/api/v1/matches")
                .then().spec(unauthorized()).contentType("application/problem+json");
    }

    @Test
    void badQueriesAreProblems() {
        String token = TestTokens.client(client);
        given().auth().oauth2(token).get("/api/v1/matches").then().statusCode(400).body("code", equalTo("MATCH_TARGET_REQUIRED"));
        given().auth().oauth2(token).queryParam("requestId", request.id).queryParam("offerId", fitting.id).get("/api/v1/matches")
                .then().statusCode(400).body("code", equalTo("MATCH_TARGET_REQUIRED"));
        given().auth().oauth2(token).queryParam("requestId", request.id).queryParam("limit", 0).get("/api/v1/matches")
                .then().statusCode(400).body("code", equalTo("INVALID_LIMIT"));
        given().auth().oauth2(token).queryParam("requestId", UUID.randomUUID()).get("/api/v1/matches")
                .then().statusCode(404).body("code", equalTo("LISTING_NOT_FOUND"));
        given().auth().oauth2(token).queryParam("requestId", fitting.id).get("/api/v1/matches")
                .then().statusCode(404).body("code", equalTo("LISTING_NOT_FOUND"));        given().auth().oauth2(token).header("Accept-Language", "fr-CA," + "x".repeat(256)).queryParam("requestId", request.id)
                .get("/api/v1/matches").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void matchesAreServedFromTheCopyWhileListingsIsDown() {
        fake.listings("down");
        try {
            assertThat(feed.pollOnce().error()).isNotNull();
            given().auth().oauth2(TestTokens.client(client)).queryParam("requestId", request.id).get("/api/v1/matches")
                    .then().statusCode(200).body("items", hasSize(1));
        } finally {
            fake.listings("up");
        }
    }

    static Stream<Arguments> badTokens() {
        return TestTokens.badTokens(UUID.randomUUID().toString(), "CLIENT").entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} token")
    @MethodSource("badTokens")
    void refusesBadTokens(String name, String token) {
        given().auth().oauth2(token).queryParam("requestId", UUID.randomUUID()).get("/api/v1/matches")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }
}
