package ca.pupitre.listings.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A disabled account's listings are hidden while it is disabled, then come back as they were. */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class AccountSuspensionTest {

    @Test
    void theGatewayHidesADisabledOwnersListingsAndRestoresThemOnly() {
        Person owner = Api.secretary();
        String first = Api.publish(owner, Api.EXAMPLE);
        String second = Api.publish(owner, Api.EXAMPLE);
        String draft = Api.createDraft(owner, Api.EXAMPLE);
        String moderated = Api.publish(owner, Api.EXAMPLE);
        Api.admin().as().body(Map.of("reason", "Coordonnées dans le titre")).post("/api/v1/listings/" + moderated + "/hide").then()
                .statusCode(200);
        String path = "/api/v1/listings/owners/" + owner.id() + "/suspension";

        // nobody else may: another service, the owner, another person
        for (String wrong : new String[] {TestTokens.service("billing"), owner.token(), TestTokens.client(java.util.UUID.randomUUID())}) {
            given().auth().oauth2(wrong).contentType("application/json").body("{}").put(path).then().spec(forbidden());
        }
        given().contentType("application/json").body("{}").put(path).then().spec(unauthorized());

        given().auth().oauth2(TestTokens.service("gateway")).contentType("application/json").body("{}").put(path).then()
                .statusCode(200).body("hidden", equalTo(2));
        given().auth().oauth2(TestTokens.service("gateway")).contentType("application/json").body("{}").put(path).then()
                .statusCode(200).body("hidden", equalTo(0));
        Api.anonymous().get("/api/v1/listings/" + first).then().statusCode(404);
        Api.anonymous().get("/api/v1/listings/" + second).then().statusCode(404);
        owner.as().get("/api/v1/listings/" + first).then().body("status", equalTo("HIDDEN")).body("hiddenReason", equalTo("ACCOUNT_DISABLED"));
        owner.as().get("/api/v1/listings/" + draft).then().body("status", equalTo("DRAFT"));

        given().auth().oauth2(TestTokens.service("gateway")).delete(path).then().statusCode(200).body("restored", equalTo(2));
        Api.anonymous().get("/api/v1/listings/" + first).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        Api.anonymous().get("/api/v1/listings/" + second).then().statusCode(200);
        // what a moderator hid stays hidden
        Api.anonymous().get("/api/v1/listings/" + moderated).then().statusCode(404);
    }
}
