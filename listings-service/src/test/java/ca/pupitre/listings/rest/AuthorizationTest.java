package ca.pupitre.listings.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.problem;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wrong caller for every endpoint: anonymous (401), the wrong role (403), someone else's listing
 * (403 when they can see it, 404 when they cannot even know it exists).
 */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class AuthorizationTest {

    private Person owner;
    private String draft;
    private String published;

    @BeforeEach
    void listings() {
        owner = Api.secretary();
        draft = Api.createDraft(owner, Api.EXAMPLE);
        published = Api.publish(owner, Api.EXAMPLE);
    }

    private static RequestSpecification partner() {
        return given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).contentType(ContentType.JSON);
    }

    @Test
    void draftsAreVisibleToTheOwnerAndAdminsOnly() {
        owner.as().get("/api/v1/listings/" + draft).then().statusCode(200).body("status", equalTo("DRAFT"));
        Api.admin().as().get("/api/v1/listings/" + draft).then().statusCode(200);
        Api.anonymous().get("/api/v1/listings/" + draft).then().statusCode(404).body("code", equalTo("LISTING_NOT_FOUND"));
        Api.secretary().as().get("/api/v1/listings/" + draft).then().statusCode(404);
        Api.client().as().get("/api/v1/listings/" + draft).then().statusCode(404);
        Api.service("matching").get("/api/v1/listings/" + draft).then().statusCode(404);
        partner().get("/api/v1/listings/" + draft).then().statusCode(404);
        for (RequestSpecification anyone : new RequestSpecification[] {Api.anonymous(), Api.client().as(), partner()}) {
            anyone.get("/api/v1/listings/" + published).then().statusCode(200)
                    .body("pendingQuestions", equalTo(null)).body("hiddenReason", equalTo(null));
        }
        owner.as().get("/api/v1/listings/" + published).then().statusCode(200).body("pendingQuestions.size()", equalTo(0));
    }

    @Test
    void ownerActionsRefuseEveryoneElse() {
        for (String action : new String[] {"publish", "renew", "close"}) {
            Map<String, String> body = Map.of("reason", "WITHDRAWN");
            Api.secretary().as().body(body).post("/api/v1/listings/" + draft + "/" + action).then().statusCode(404);
            Api.secretary().as().body(body).post("/api/v1/listings/" + published + "/" + action).then().statusCode(403)
                    .body("code", equalTo("NOT_OWNER"));
            Api.client().as().body(body).post("/api/v1/listings/" + published + "/" + action).then().spec(problem(403, "NOT_OWNER"));
            Api.admin().as().body(body).post("/api/v1/listings/" + draft + "/" + action).then().spec(forbidden());
            Api.service("billing").body(body).post("/api/v1/listings/" + published + "/" + action).then().spec(forbidden());
            partner().body(body).post("/api/v1/listings/" + published + "/" + action).then().spec(forbidden());
            Api.anonymous().body(body).post("/api/v1/listings/" + published + "/" + action).then().spec(unauthorized());
        }
        owner.as().get("/api/v1/listings/" + published).then().body("status", equalTo("PUBLISHED"));
        owner.as().get("/api/v1/listings/" + draft).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void moderationIsForAdminsOnly() {
        for (String action : new String[] {"hide", "unhide"}) {
            Map<String, String> body = Map.of("reason", "x");
            owner.as().body(body).post("/api/v1/listings/" + published + "/" + action).then().statusCode(403)
                    .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
            Api.client().as().body(body).post("/api/v1/listings/" + published + "/" + action).then().spec(forbidden());
            Api.service("matching").body(body).post("/api/v1/listings/" + published + "/" + action).then().spec(forbidden());
            partner().body(body).post("/api/v1/listings/" + published + "/" + action).then().spec(forbidden());
            Api.anonymous().body(body).post("/api/v1/listings/" + published + "/" + action).then().spec(unauthorized());
        }
        Api.admin().as().body(Map.of("reason", "x")).post("/api/v1/listings/00000000-0000-0000-0000-000000000001/hide")
                .then().statusCode(404);
    }

    @Test
    void historyIsForTheOwnerAndAdmins() {
        owner.as().get("/api/v1/listings/" + published + "/history").then().statusCode(200);
        Api.admin().as().get("/api/v1/listings/" + draft + "/history").then().statusCode(200);
        Api.secretary().as().get("/api/v1/listings/" + published + "/history").then().spec(problem(403, "NOT_OWNER"));
        Api.client().as().get("/api/v1/listings/" + draft + "/history").then().statusCode(404);
        Api.service("matching").get("/api/v1/listings/" + published + "/history").then().spec(forbidden());
        partner().get("/api/v1/listings/" + published + "/history").then().spec(forbidden());
        Api.anonymous().get("/api/v1/listings/" + published + "/history").then().spec(unauthorized());
    }

    @Test
    void reportsNeedASignedInPersonWhoCanSeeTheListing() {
        Map<String, String> spam = Map.of("reason", "SPAM");
        owner.as().body(spam).post("/api/v1/listings/" + published + "/reports").then().statusCode(422)
                .body("code", equalTo("REPORT_OWN_LISTING"));
        Api.client().as().body(spam).post("/api/v1/listings/" + draft + "/reports").then().statusCode(404);
        Api.service("matching").body(spam).post("/api/v1/listings/" + published + "/reports").then().spec(forbidden());
        partner().body(spam).post("/api/v1/listings/" + published + "/reports").then().spec(forbidden());
        Api.anonymous().body(spam).post("/api/v1/listings/" + published + "/reports").then().spec(unauthorized());
    }

    @Test
    void onlyBillingFeaturesListings() {
        Map<String, String> until = Map.of("featuredUntil", Instant.now().plusSeconds(86_400).toString());
        Api.service("matching").body(until).put("/api/v1/listings/" + published + "/featured").then().statusCode(403)
                .body("code", equalTo("FEATURED_FORBIDDEN"));
        Api.admin().as().body(until).put("/api/v1/listings/" + published + "/featured").then().spec(forbidden());
        owner.as().body(until).put("/api/v1/listings/" + published + "/featured").then().spec(forbidden());
        partner().body(until).put("/api/v1/listings/" + published + "/featured").then().spec(forbidden());
        given().auth().oauth2(TestTokens.token("billing", "SERVICE")).contentType(ContentType.JSON).body(until)
                .put("/api/v1/listings/" + published + "/featured").then().spec(problem(403, "FEATURED_FORBIDDEN"));
        Api.anonymous().body(until).put("/api/v1/listings/" + published + "/featured").then().spec(unauthorized());
        Api.service("billing").body(until).put("/api/v1/listings/" + published + "/featured").then().statusCode(200)
                .body("promoted", equalTo(true));
        Api.service("billing").body(Map.of()).put("/api/v1/listings/" + published + "/featured").then().statusCode(200)
                .body("promoted", equalTo(false));
    }

    @Test
    void internalFeedsAreForServicesAndAdmins() {
        for (String path : new String[] {"/api/v1/listings/changes", "/api/v1/listings/expiring"}) {
            Api.service("matching").get(path).then().statusCode(200);
            Api.admin().as().get(path).then().statusCode(200);
            owner.as().get(path).then().spec(forbidden());
            Api.client().as().get(path).then().spec(forbidden());
            partner().get(path).then().spec(forbidden());
            Api.anonymous().get(path).then().spec(unauthorized());
        }
        Api.service("matching").get("/api/v1/listings/expiring?within=forever").then().statusCode(400);
        Api.service("matching").get("/api/v1/listings/expiring?within=P365D").then().statusCode(400);
        Api.service("matching").get("/api/v1/listings/changes?since=%%%").then().statusCode(400);
        Api.service("matching").get("/api/v1/listings/mine").then().spec(forbidden());
        partner().get("/api/v1/listings/mine").then().spec(forbidden());
    }

    @Test
    void skillsAndSearchArePublic() {
        Api.anonymous().get("/api/v1/skills").then().statusCode(200);
        Api.anonymous().get("/api/v1/listings").then().statusCode(200);
        partner().get("/api/v1/listings").then().statusCode(200);
    }
}
