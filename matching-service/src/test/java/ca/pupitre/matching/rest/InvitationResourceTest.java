package ca.pupitre.matching.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ca.pupitre.matching.FakeServices;
import ca.pupitre.matching.Market;
import ca.pupitre.matching.MatchingTestProfile;
import ca.pupitre.matching.service.ListingFeed;
import ca.pupitre.testing.ManagementPort;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@TestProfile(MatchingTestProfile.class)
class InvitationResourceTest {

    @Inject
    ListingFeed feed;
    @ConfigProperty(name = FakeServices.URL_PROPERTY)
    String fakeUrl;

    FakeServices.Control fake;
    UUID client;
    UUID secretary;
    Market request;
    Market offer;

    @BeforeEach
    void market() {
        fake = new FakeServices.Control(fakeUrl);
        fake.listings("up");
        CircuitBreakerMaintenance.get().resetAll(); // a breaker an earlier test opened is closed again
        client = UUID.randomUUID();
        secretary = UUID.randomUUID();
        request = Market.request(client);
        offer = Market.offer(secretary);
        fake.publish(request.upsert());
        fake.publish(offer.upsert());
        feed.pollOnce();
    }

    private RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void invitingAndAcceptingNeedAVerifiedEmailAddress() {
        as(TestTokens.unverified(client, "CLIENT")).body(Map.of("requestId", request.id, "offerId", offer.id, "message", "Bonjour"))
                .post("/api/v1/invitations").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("EMAIL_NOT_VERIFIED"));
        String id = invite();
        as(TestTokens.unverified(secretary, "SECRETARY")).post("/api/v1/invitations/" + id + "/accept").then().statusCode(403)
                .body("code", equalTo("EMAIL_NOT_VERIFIED"));
        as(TestTokens.secretary(secretary)).post("/api/v1/invitations/" + id + "/accept").then().statusCode(200);
    }

    private String invite() {
        return as(TestTokens.client(client)).body(Map.of("requestId", request.id, "offerId", offer.id, "message", "Bonjour Marie"))
                .post("/api/v1/invitations").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/invitations/"))
                .body("state", equalTo("PENDING")).body("secretaryId", equalTo(secretary.toString()))
                .extract().path("id");
    }

    @Test
    void invitationsSentAndAnsweredAreCountedForOperators() {
        double sent = ManagementPort.metric("pupitre_invitations_sent_total");
        double accepted = ManagementPort.metric("pupitre_invitations_answered_total", "answer=accepted");
        double declined = ManagementPort.metric("pupitre_invitations_answered_total", "answer=declined");
        String id = invite();
        as(TestTokens.secretary(secretary)).post("/api/v1/invitations/" + id + "/accept").then().statusCode(200);
        as(TestTokens.secretary(secretary)).post("/api/v1/invitations/" + id + "/decline").then().statusCode(409);
        assertThat(ManagementPort.metric("pupitre_invitations_sent_total")).isEqualTo(sent + 1);
        assertThat(ManagementPort.metric("pupitre_invitations_answered_total", "answer=accepted")).isEqualTo(accepted + 1);
        assertThat(ManagementPort.metric("pupitre_invitations_answered_total", "answer=declined")).as("refused: not counted")
                .isEqualTo(declined);
        // and how far behind the listings feed matching's copy is (read to its end at this test's start)
        assertThat(ManagementPort.metric("pupitre_matching_feed_lag_seconds")).isBetween(0.0, 600.0);
    }

    @Test
    void theSecretaryAcceptsAndBillingCanReadTheAcceptedInvitation() {
        String id = invite();
        as(TestTokens.secretary(secretary)).get("/api/v1/invitations?role=received")
                .then().statusCode(200).body("items.id", hasItem(id));
        as(TestTokens.client(client)).get("/api/v1/invitations?role=sent").then().statusCode(200).body("items.id", hasItem(id));
        as(TestTokens.secretary(secretary)).post("/api/v1/invitations/" + id + "/accept")
                .then().statusCode(200).body("state", equalTo("ACCEPTED")).body("answeredAt", notNullValue());
        as(TestTokens.service("billing")).get("/api/v1/invitations/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("requestId", equalTo(request.id.toString()))
                .body("offerId", equalTo(offer.id.toString())).body("clientId", equalTo(client.toString()))
                .body("secretaryId", equalTo(secretary.toString())).body("state", equalTo("ACCEPTED"))
                .body("message", equalTo("Bonjour Marie")).body("createdAt", notNullValue()).body("answeredAt", notNullValue());
        as(TestTokens.admin(UUID.randomUUID())).get("/api/v1/invitations/" + id).then().statusCode(200);
        // billing's token only: another service is told nothing
        as(TestTokens.service("listings")).get("/api/v1/invitations/" + id).then().statusCode(404);
        as(TestTokens.secretary(secretary)).post("/api/v1/invitations/" + id + "/decline")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("INVALID_INVITATION_TRANSITION"));
        as(TestTokens.client(client)).post("/api/v1/invitations/" + id + "/withdraw").then().statusCode(409);
    }

    @Test
    void answeredInvitationsShowInTheSecretarysResponsiveness() {
        String skill = "skill-" + UUID.randomUUID().toString().substring(0, 8);
        Market niche = Market.request(client).skills(skill);
        Market nicheOffer = Market.offer(secretary).skills(skill);
        fake.publish(niche.upsert());
        fake.publish(nicheOffer.upsert());
        feed.pollOnce();
        String id = as(TestTokens.client(client)).body(Map.of("requestId", niche.id, "offerId", nicheOffer.id))
                .post("/api/v1/invitations").then().statusCode(201).extract().path("id");
        as(TestTokens.secretary(secretary)).post("/api/v1/invitations/" + id + "/accept").then().statusCode(200);
        as(TestTokens.client(client)).header("Accept-Language", "en").queryParam("requestId", niche.id).get("/api/v1/matches")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].reasons.find { it.factor == 'RESPONSIVENESS' }.text",
                        org.hamcrest.Matchers.startsWith("Answers 100% of invitations"));
    }

    @Test
    void aDeclineReasonIsNeverShownToTheClient() {
        String id = invite();
        as(TestTokens.secretary(secretary)).body(Map.of("reason", "Trop de dossiers ce mois-ci"))
                .post("/api/v1/invitations/" + id + "/decline").then().statusCode(200)
                .body("state", equalTo("DECLINED")).body("declineReason", equalTo("Trop de dossiers ce mois-ci"));
        as(TestTokens.client(client)).get("/api/v1/invitations/" + id).then().statusCode(200)
                .body("state", equalTo("DECLINED")).body("$", not(hasKey("declineReason")));
        as(TestTokens.client(client)).get("/api/v1/invitations").then().body("items[0]", not(hasKey("declineReason")));
        as(TestTokens.service("billing")).get("/api/v1/invitations/" + id).then().body("declineReason", nullValue());
    }

    @Test
    void theClientWithdrawsBeforeAnAnswerAndThenNothingElseMoves() {
        String id = invite();
        as(TestTokens.client(client)).post("/api/v1/invitations/" + id + "/withdraw").then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        as(TestTokens.secretary(secretary)).post("/api/v1/invitations/" + id + "/accept").then().statusCode(409);
        as(TestTokens.client(client)).post("/api/v1/invitations/" + id + "/withdraw").then().statusCode(409);
        as(TestTokens.client(client)).body(Map.of("body", "Encore là ?")).post("/api/v1/invitations/" + id + "/messages")
                .then().statusCode(409).body("code", equalTo("INVITATION_CLOSED"));
    }

    @Test
    void bothPartiesShareAMessageThread() {
        String id = invite();
        as(TestTokens.client(client)).body(Map.of("body", "Pouvez-vous commencer lundi ?"))
                .post("/api/v1/invitations/" + id + "/messages").then().statusCode(201).body("authorRole", equalTo("CLIENT"));
        as(TestTokens.secretary(secretary)).body(Map.of("body", "Oui, sans problème."))
                .post("/api/v1/invitations/" + id + "/messages").then().statusCode(201).body("authorRole", equalTo("SECRETARY"));
        as(TestTokens.client(client)).get("/api/v1/invitations/" + id + "/messages").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].body", equalTo("Pouvez-vous commencer lundi ?"));
        as(TestTokens.client(client)).body(Map.of("body", "")).post("/api/v1/invitations/" + id + "/messages").then().statusCode(422);
    }

    @Test
    void onlyTheRequestsClientMayInvite() {
        Map<String, Object> body = Map.of("requestId", request.id, "offerId", offer.id);
        as(TestTokens.client(UUID.randomUUID())).body(body).post("/api/v1/invitations")
                .then().statusCode(403).body("code", equalTo("NOT_LISTING_OWNER"));
        as(TestTokens.secretary(secretary)).body(body).post("/api/v1/invitations").then().spec(forbidden());
        as(TestTokens.client(client)).body(Map.of("requestId", request.id, "offerId", UUID.randomUUID()))
                .post("/api/v1/invitations").then().statusCode(422).body("code", equalTo("OFFER_NOT_AVAILABLE"));
        as(TestTokens.client(client)).body(Map.of("offerId", offer.id)).post("/api/v1/invitations")
                .then().statusCode(422).body("errors.field", hasItem("requestId"));
        invite();
        as(TestTokens.client(client)).body(body).post("/api/v1/invitations")
                .then().statusCode(409).body("code", equalTo("INVITATION_ALREADY_PENDING"));
    }

    @Test
    void aBlockedClientCannotInvite() {
        as(TestTokens.secretary(secretary)).body(Map.of("clientId", client)).post("/api/v1/blocks").then().statusCode(201);
        as(TestTokens.secretary(secretary)).body(Map.of("clientId", client)).post("/api/v1/blocks").then().statusCode(201);
        as(TestTokens.secretary(secretary)).get("/api/v1/blocks").then().body("items", hasSize(1));
        as(TestTokens.client(client)).body(Map.of("requestId", request.id, "offerId", offer.id)).post("/api/v1/invitations")
                .then().statusCode(422).body("code", equalTo("OFFER_NOT_AVAILABLE"));
        as(TestTokens.secretary(secretary)).delete("/api/v1/blocks/" + client).then().statusCode(204);
        invite();
        as(TestTokens.client(client)).body(Map.of("clientId", secretary)).post("/api/v1/blocks").then().spec(forbidden());
    }

    @Test
    void aClientsDailyInvitationsAreLimited() {
        for (int i = 0; i < 3; i++) {
            Market another = Market.offer(UUID.randomUUID());
            fake.publish(another.upsert());
            feed.pollOnce();
            as(TestTokens.client(client)).body(Map.of("requestId", request.id, "offerId", another.id))
                    .post("/api/v1/invitations").then().statusCode(201);
        }
        as(TestTokens.client(client)).body(Map.of("requestId", request.id, "offerId", offer.id)).post("/api/v1/invitations")
                .then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_INVITATIONS")).header("Retry-After", notNullValue());
    }

    /** Every invitation endpoint, called on an existing invitation by {@code token}. */
    private List<Integer> statusesFor(String token, String id) {
        List<Function<RequestSpecification, Integer>> calls = List.of(
                s -> s.get("/api/v1/invitations/" + id).statusCode(),
                s -> s.post("/api/v1/invitations/" + id + "/accept").statusCode(),
                s -> s.body(Map.of()).post("/api/v1/invitations/" + id + "/decline").statusCode(),
                s -> s.post("/api/v1/invitations/" + id + "/withdraw").statusCode(),
                s -> s.get("/api/v1/invitations/" + id + "/messages").statusCode(),
                s -> s.body(Map.of("body", "coucou")).post("/api/v1/invitations/" + id + "/messages").statusCode());
        List<Integer> statuses = new ArrayList<>();
        for (Function<RequestSpecification, Integer> call : calls) {
            RequestSpecification spec = given().contentType(ContentType.JSON);
            statuses.add(call.apply(token == null ? spec : spec.auth().oauth2(token)));
        }
        return statuses;
    }

    @Test
    void outsidersGetNothingFromAnyInvitationEndpoint() {
        String id = invite();
        org.assertj.core.api.Assertions.assertThat(statusesFor(TestTokens.client(UUID.randomUUID()), id)).containsOnly(404, 403);
        org.assertj.core.api.Assertions.assertThat(statusesFor(TestTokens.client(UUID.randomUUID()), id).get(0)).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(statusesFor(TestTokens.secretary(UUID.randomUUID()), id)).containsOnly(404, 403);
        org.assertj.core.api.Assertions.assertThat(statusesFor(TestTokens.partner(UUID.randomUUID()), id)).containsOnly(403);
        org.assertj.core.api.Assertions.assertThat(statusesFor(null, id)).containsOnly(401);
        // the client may not act for the secretary, nor the secretary for the client
        as(TestTokens.client(client)).post("/api/v1/invitations/" + id + "/accept").then().spec(forbidden());
        as(TestTokens.secretary(secretary)).post("/api/v1/invitations/" + id + "/withdraw").then().spec(forbidden());
        as(TestTokens.client(client)).get("/api/v1/invitations/" + id).then().statusCode(200).body("state", equalTo("PENDING"));
        // services and admins read, never write
        as(TestTokens.service("billing")).post("/api/v1/invitations/" + id + "/accept").then().spec(forbidden());
        as(TestTokens.admin(UUID.randomUUID())).get("/api/v1/invitations/" + id + "/messages").then().spec(forbidden());
        as(TestTokens.partner(UUID.randomUUID())).get("/api/v1/invitations").then().spec(forbidden());
        given().get("/api/v1/invitations").then().spec(unauthorized());
        as(TestTokens.partner(UUID.randomUUID())).body(Map.of("clientId", client)).post("/api/v1/blocks").then().spec(forbidden());
        given().contentType(ContentType.JSON).body(Map.of("clientId", client)).post("/api/v1/blocks").then().spec(unauthorized());
        as(TestTokens.client(UUID.randomUUID())).get("/api/v1/invitations/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("INVITATION_NOT_FOUND"));
    }

    @Test
    void newEndpointsAreDocumentedAndMalformedIdsAreProblems() {
        ManagementPort.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/matches")).body("paths", hasKey("/api/v1/invitations/{id}/accept"))
                .body("paths", hasKey("/api/v1/blocks")).body("paths", hasKey("/api/v1/reviews"));
        as(TestTokens.client(client)).get("/api/v1/invitations/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    static Stream<Arguments> badTokens() {
        return TestTokens.badTokens(UUID.randomUUID().toString(), "SECRETARY").entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} token")
    @MethodSource("badTokens")
    void refusesBadTokens(String name, String token) {
        given().auth().oauth2(token).get("/api/v1/invitations")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void operationsForOtherServicesAreMarkedInternalAndPublicOnesAreNot() {
        var doc = ManagementPort.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String op : List.of("'/api/v1/referrals/{code}/conversions'.post",
                "'/api/v1/matching/people/{personId}/personal-data'.get",
                "'/api/v1/matching/people/{personId}/personal-data'.delete")) {
            org.assertj.core.api.Assertions.assertThat(doc.getBoolean("paths." + op + ".'x-internal'")).as(op).isTrue();
        }
        org.assertj.core.api.Assertions.assertThat(doc.getMap("paths.'/api/v1/invitations/{id}/accept'.post"))
                .doesNotContainKey("x-internal");
    }
}
