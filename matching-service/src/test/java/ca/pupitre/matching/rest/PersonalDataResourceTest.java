package ca.pupitre.matching.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import ca.pupitre.matching.FakeServices;
import ca.pupitre.matching.Market;
import ca.pupitre.matching.MatchingTestProfile;
import ca.pupitre.matching.PersonTokens;
import ca.pupitre.matching.service.ListingFeed;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Law 25 in matching: the gateway exports and erases one person's data, and only hers. */
@QuarkusTest
@TestProfile(MatchingTestProfile.class)
class PersonalDataResourceTest {

    @Inject
    ListingFeed feed;
    @ConfigProperty(name = FakeServices.URL_PROPERTY)
    String fakeUrl;

    UUID client;
    UUID secretary;
    Market request;
    Market offer;

    @BeforeEach
    void market() {
        FakeServices.Control fake = new FakeServices.Control(fakeUrl);
        fake.listings("up");
        client = UUID.randomUUID();
        secretary = UUID.randomUUID();
        request = Market.request(client);
        offer = Market.offer(secretary);
        fake.publish(request.upsert());
        fake.publish(offer.upsert());
        // a scheduled poll may hold the feed: poll until matching ranks offers for the new request
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            feed.pollOnce();
            return as(TestTokens.client(client)).queryParam("requestId", request.id).get("/api/v1/matches").statusCode() == 200;
        });
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String path(UUID person) {
        return "/api/v1/matching/people/" + person + "/personal-data";
    }

    @Test
    void nobodyButTheGatewayOrAnAdminReadsOrErases() {
        for (String wrong : List.of(TestTokens.service("billing"), TestTokens.client(client), TestTokens.secretary(secretary),
                TestTokens.partner(UUID.randomUUID()))) {
            as(wrong).get(path(client)).then().spec(forbidden());
            as(wrong).delete(path(client)).then().spec(forbidden());
        }
        given().get(path(client)).then().spec(unauthorized());
        given().delete(path(client)).then().spec(unauthorized());
        as(TestTokens.admin(UUID.randomUUID())).get(path(client)).then().statusCode(200);
    }

    @Test
    void theClientsExportHoldsHerDataAndTheErasureRemovesHerWordsButNotTheSecretarysRecords() {
        String invitation = as(TestTokens.client(client))
                .body(Map.of("requestId", request.id, "offerId", offer.id, "message", "Bonjour, ici Me Gagnon, notaire à Laval"))
                .post("/api/v1/invitations").then().statusCode(201).extract().path("id");
        as(TestTokens.client(client)).body(Map.of("body", "Mon numéro : 450 555-0101")).post("/api/v1/invitations/" + invitation + "/messages")
                .then().statusCode(201);
        as(TestTokens.secretary(secretary)).body(Map.of("body", "Avec plaisir")).post("/api/v1/invitations/" + invitation + "/messages")
                .then().statusCode(201);
        as(PersonTokens.person(client, "CLIENT", "gagnon@example.com", "fr-CA"))
                .body(Map.of("name", "Transcription", "q", "transcription", "frequency", "DAILY")).post("/api/v1/alerts").then()
                .statusCode(201);

        as(TestTokens.service("gateway")).get(path(client)).then().statusCode(200)
                .body("alerts", hasSize(1)).body("alertEmails[0].email", equalTo("gagnon@example.com"))
                .body("invitations", hasSize(1)).body("invitations[0].message", equalTo("Bonjour, ici Me Gagnon, notaire à Laval"))
                .body("messagesWritten", hasSize(1)).body("messagesWritten[0].body", equalTo("Mon numéro : 450 555-0101"));
        // the secretary's export holds her side only
        as(TestTokens.service("gateway")).get(path(secretary)).then().statusCode(200)
                .body("alerts", hasSize(0)).body("messagesWritten", hasSize(1)).body("invitations", hasSize(1));

        as(TestTokens.service("gateway")).delete(path(client)).then().statusCode(200);
        as(TestTokens.service("gateway")).delete(path(client)).then().statusCode(200).body("erased", equalTo(0));

        as(TestTokens.service("gateway")).get(path(client)).then().statusCode(200)
                .body("alerts", hasSize(0)).body("alertEmails", hasSize(0))
                .body("invitations[0].message", nullValue()).body("invitations[0].state", equalTo("WITHDRAWN"))
                .body("messagesWritten[0].body", equalTo(""));
        // the secretary still sees the invitation and her own message
        as(TestTokens.secretary(secretary)).get("/api/v1/invitations/" + invitation + "/messages").then().statusCode(200)
                .body("items.findAll { it.authorRole == 'SECRETARY' }[0].body", equalTo("Avec plaisir"));
    }
}
