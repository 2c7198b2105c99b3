package ca.pupitre.listings.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.listings.TestClock;
import ca.pupitre.listings.service.ListingService;
import ca.pupitre.testing.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class ListingLifecycleTest {

    @Inject
    TestClock clock;

    @Inject
    ListingService service;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void acceptsTheIssueExampleAsADraftOffer() {
        Person secretary = Api.secretary();
        Response response = secretary.as().body(Api.EXAMPLE).post("/api/v1/listings");
        response.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/listings/[0-9a-f-]{36}"))
                .header("ETag", equalTo("\"0\""))
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("kind", equalTo("OFFER"))
                .body("status", equalTo("DRAFT"))
                .body("title.fr", equalTo("Télésecrétaire bilingue, traduction et mise en page"))
                .body("pricing.amount", equalTo("38.00"))
                .body("pricing.currency", equalTo("CAD"))
                .body("ownerId", equalTo(secretary.id().toString()))
                .body("promoted", equalTo(false));
        String id = response.jsonPath().getString("id");
        assertThat(response.header("Location")).endsWith("/api/v1/listings/" + id);

        secretary.as().post("/api/v1/listings/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("expiresAt", notNullValue())
                .body("expiryReminderDueAt", notNullValue());
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .header("ETag", notNullValue());
    }

    @Test
    void aClientCreatesARequestWithABudget() {
        Person client = Api.client();
        Api.create(client, Api.body("Transcription d'entrevues", null, List.of("transcription"),
                Map.of("pricing", Map.of("unit", "FIXED", "amount", "450"), "anonymous", true, "region", "06")))
                .getString("id");
        JsonPath created = Api.create(client, Api.body("Tenue de livres mensuelle", null, List.of("bookkeeping"),
                Map.of("pricing", Map.of("unit", "HOUR", "amount", "30.5"))));
        assertThat(created.getString("kind")).isEqualTo("REQUEST");
        assertThat(created.getString("pricing.amount")).isEqualTo("30.50");
    }

    @Test
    void anonymousRequestHidesItsOwnerFromOthers() {
        Person client = Api.client();
        String id = Api.publish(client, Api.body("Demande anonyme de saisie", null, List.of("data-entry"), Map.of("anonymous", true)));
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200).body("ownerId", nullValue())
                .body("anonymous", equalTo(true));
        client.as().get("/api/v1/listings/" + id).then().statusCode(200).body("ownerId", equalTo(client.id().toString()));
    }

    @Test
    void otherRolesCannotCreate() {
        Api.admin().as().body(Api.EXAMPLE).post("/api/v1/listings").then().spec(forbidden())
                .contentType("application/problem+json");
        Api.service("matching").body(Api.EXAMPLE).post("/api/v1/listings").then().spec(forbidden());
        Api.anonymous().body(Api.EXAMPLE).post("/api/v1/listings").then().spec(unauthorized())
                .contentType("application/problem+json");
    }

    @Test
    void illegalTransitionsAreConflicts() {
        Person secretary = Api.secretary();
        String id = Api.createDraft(secretary, Api.EXAMPLE);
        secretary.as().post("/api/v1/listings/" + id + "/renew").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ILLEGAL_TRANSITION"));
        secretary.as().post("/api/v1/listings/" + id + "/publish").then().statusCode(200);
        secretary.as().post("/api/v1/listings/" + id + "/publish").then().statusCode(409);
        secretary.as().body(Map.of("reason", "FILLED")).post("/api/v1/listings/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedReason", equalTo("FILLED"));
        secretary.as().body(Map.of("reason", "FILLED")).post("/api/v1/listings/" + id + "/close").then().statusCode(409);
        secretary.as().post("/api/v1/listings/" + id + "/publish").then().statusCode(409);
        String etag = secretary.as().get("/api/v1/listings/" + id).header("ETag");
        secretary.as().header("If-Match", etag).body(Api.EXAMPLE).put("/api/v1/listings/" + id).then().statusCode(409);
        secretary.as().body(Map.of("reason", "BORED")).post("/api/v1/listings/" + id + "/close").then().statusCode(400);
    }

    @Test
    void expiresSixtyDaysAfterPublishingByTheClockAndRenews() {
        Person secretary = Api.secretary();
        double published = ManagementPort.metric("pupitre_listings_published_total", "kind=OFFER");
        String id = Api.publish(secretary, Api.body("Annonce qui expire", null, List.of("word"), Map.of()));
        // operators count publications (a renewal is not one)
        assertThat(ManagementPort.metric("pupitre_listings_published_total", "kind=OFFER")).isEqualTo(published + 1);
        Instant expiresAt = Instant.parse(secretary.as().get("/api/v1/listings/" + id).jsonPath().getString("expiresAt"));
        Instant reminder = Instant.parse(secretary.as().get("/api/v1/listings/" + id).jsonPath().getString("expiryReminderDueAt"));
        assertThat(Duration.between(reminder, expiresAt)).isEqualTo(Duration.ofDays(5));

        clock.advance(Duration.ofDays(56));
        Api.service("notifications").get("/api/v1/listings/expiring?within=P5D").then().statusCode(200)
                .body("id", hasItem(id));
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200);

        clock.advance(Duration.ofDays(4).plusHours(1));
        // Lazily: reads are right before the job runs.
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(404);
        secretary.as().get("/api/v1/listings/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));

        assertThat(service.expireDue(10_000)).isGreaterThanOrEqualTo(1);
        secretary.as().get("/api/v1/listings/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        List<String> tos = secretary.as().get("/api/v1/listings/" + id + "/history").jsonPath().getList("to");
        assertThat(tos).containsExactly("DRAFT", "PUBLISHED", "EXPIRED");

        secretary.as().post("/api/v1/listings/" + id + "/renew").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200);
        JsonPath history = secretary.as().get("/api/v1/listings/" + id + "/history").jsonPath();
        assertThat(history.getList("to")).containsExactly("DRAFT", "PUBLISHED", "EXPIRED", "PUBLISHED");
        assertThat(history.getString("[2].actor")).isEqualTo("system");
        assertThat(history.getString("[3].actor")).isEqualTo(secretary.id().toString());
        assertThat(history.getString("[3].from")).isEqualTo("EXPIRED");
    }

    @Test
    void twoInstancesRunningTheExpiryJobAtOnceExpireEachListingOnce() throws Exception {
        Person secretary = Api.secretary();
        List<String> ids = List.of(
                Api.publish(secretary, Api.body("Expire une fois A", null, List.of("word"), Map.of())),
                Api.publish(secretary, Api.body("Expire une fois B", null, List.of("word"), Map.of())),
                Api.publish(secretary, Api.body("Expire une fois C", null, List.of("word"), Map.of())));
        clock.advance(Duration.ofDays(61));
        List<Integer> expired = ca.pupitre.testing.TwoInstances.runTogether(() -> service.expireDue(10_000));
        assertThat(expired.get(0) + expired.get(1)).as("listings expired by the two").isGreaterThanOrEqualTo(ids.size());
        for (String id : ids) {
            secretary.as().get("/api/v1/listings/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
            assertThat(secretary.as().get("/api/v1/listings/" + id + "/history").jsonPath().getList("to", String.class))
                    .as("history of %s", id).containsExactly("DRAFT", "PUBLISHED", "EXPIRED");
        }
    }

    @Test
    void adminHidesWithAReasonAndUnhides() {
        Person secretary = Api.secretary();
        Person admin = Api.admin();
        String id = Api.publish(secretary, Api.body("Annonce douteuse", null, List.of("word"), Map.of()));
        admin.as().body(Map.of("reason", "Coordonnées dans le titre")).post("/api/v1/listings/" + id + "/hide")
                .then().statusCode(200).body("status", equalTo("HIDDEN"));
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(404);
        secretary.as().get("/api/v1/listings/" + id).then().statusCode(200)
                .body("status", equalTo("HIDDEN")).body("hiddenReason", equalTo("Coordonnées dans le titre"));
        admin.as().body(Map.of()).post("/api/v1/listings/" + id + "/hide").then().statusCode(422);
        admin.as().post("/api/v1/listings/" + id + "/unhide").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        admin.as().post("/api/v1/listings/" + id + "/unhide").then().statusCode(409);
        JsonPath history = admin.as().get("/api/v1/listings/" + id + "/history").jsonPath();
        assertThat(history.getList("to")).containsExactly("DRAFT", "PUBLISHED", "HIDDEN", "PUBLISHED");
        assertThat(history.getString("[2].reason")).isEqualTo("Coordonnées dans le titre");
        assertThat(history.getString("[2].actor")).isEqualTo(admin.id().toString());
    }

    @Test
    void mineListsEveryStatusOfTheOwnerOnly() {
        Person secretary = Api.secretary();
        String draft = Api.createDraft(secretary, Api.body("Brouillon à moi", null, List.of("word"), Map.of()));
        String published = Api.publish(secretary, Api.body("Publiée à moi", null, List.of("word"), Map.of()));
        String third = Api.createDraft(secretary, Api.body("Troisième", null, List.of("word"), Map.of()));
        JsonPath first = secretary.as().get("/api/v1/listings/mine?limit=2").jsonPath();
        assertThat(first.getList("items.id")).containsExactly(third, published);
        JsonPath second = secretary.as().queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/listings/mine?limit=2").jsonPath();
        assertThat(second.getList("items.id")).containsExactly(draft);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(Api.secretary().as().get("/api/v1/listings/mine").jsonPath().getList("items")).isEmpty();
        Api.admin().as().get("/api/v1/listings/mine").then().spec(forbidden());
        Api.anonymous().get("/api/v1/listings/mine").then().spec(unauthorized());
    }

    @Test
    void actionsWithoutABodyNeedNoContentType() {
        Api.Person secretary = Api.secretary();
        String id = Api.createDraft(secretary, Api.body("Saisie de données " + Api.word(), null, List.of("excel"), Map.of()));
        io.restassured.RestAssured.given().auth().oauth2(secretary.token()).post("/api/v1/listings/" + id + "/publish")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
        // A body with no declared type is still refused: only empty requests are read as JSON.
        io.restassured.RestAssured.given().auth().oauth2(secretary.token()).body("<close/>".getBytes())
                .post("/api/v1/listings/" + id + "/close")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
