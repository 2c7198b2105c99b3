package ca.pupitre.listings.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Law 25: the gateway exports and erases a person's listings; nobody else may. */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class PersonalDataTest {

    @Test
    void onlyTheGatewayOrAnAdminReadsOrErasesAPersonsListings() {
        Person owner = Api.secretary();
        Api.publish(owner, Api.EXAMPLE);
        String path = "/api/v1/listings/people/" + owner.id() + "/personal-data";
        for (String wrong : new String[] {TestTokens.service("billing"), owner.token(), TestTokens.client(java.util.UUID.randomUUID())}) {
            given().auth().oauth2(wrong).get(path).then().spec(forbidden());
            given().auth().oauth2(wrong).delete(path).then().spec(forbidden());
        }
        given().get(path).then().spec(unauthorized());
        given().delete(path).then().spec(unauthorized());
        given().auth().oauth2(TestTokens.service("gateway")).get("/api/v1/listings/people/not-a-uuid/personal-data").then()
                .statusCode(404);
        Api.admin().as().get(path).then().statusCode(200).body("listings", hasSize(1));
    }

    @Test
    void theExportHoldsEveryListingAndReportAndTheErasureClosesAndBlanksThem() {
        Person owner = Api.established("SECRETARY");
        String published = Api.publish(owner, Api.EXAMPLE);
        String draft = Api.createDraft(owner, Api.EXAMPLE);
        Person other = Api.secretary();
        String othersListing = Api.publish(other, Api.EXAMPLE);
        owner.as().body(Map.of("reason", "SPAM", "comment", "Numéro de téléphone dans le titre"))
                .post("/api/v1/listings/" + othersListing + "/reports").then().statusCode(201);
        String path = "/api/v1/listings/people/" + owner.id() + "/personal-data";

        given().auth().oauth2(TestTokens.service("gateway")).get(path).then().statusCode(200)
                .body("listings", hasSize(2))
                .body("listings.find { it.id == '" + draft + "' }.status", equalTo("DRAFT"))
                .body("listings.find { it.id == '" + published + "' }.ownerId", equalTo(owner.id().toString()))
                .body("reportsFiled", hasSize(1))
                .body("reportsFiled[0].listingId", equalTo(othersListing))
                .body("reportsFiled[0].comment", equalTo("Numéro de téléphone dans le titre"));

        given().auth().oauth2(TestTokens.service("gateway")).delete(path).then().statusCode(200).body("erased", equalTo(2));
        given().auth().oauth2(TestTokens.service("gateway")).delete(path).then().statusCode(200).body("erased", equalTo(0));

        Api.anonymous().get("/api/v1/listings/" + published).then().statusCode(404);
        Api.anonymous().queryParam("q", "transcription").get("/api/v1/listings").then().statusCode(200)
                .body("items.findAll { it.id == '" + published + "' }", hasSize(0));
        Api.admin().as().get("/api/v1/listings/" + published).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedReason", equalTo("ACCOUNT_CLOSED"))
                .body("title.fr", equalTo("—")).body("title.en", nullValue()).body("description", nullValue())
                .body("publicName", nullValue());
        given().auth().oauth2(TestTokens.service("gateway")).get(path).then().statusCode(200)
                .body("reportsFiled[0].comment", nullValue()).body("reportsFiled[0].reason", equalTo("SPAM"));
        // the other secretary's listing is untouched
        Api.anonymous().get("/api/v1/listings/" + othersListing).then().statusCode(200);
    }

    @Test
    void anOwnerCannotCloseAListingAsIfHerAccountWereClosed() {
        Person owner = Api.secretary();
        String id = Api.publish(owner, Api.EXAMPLE);
        owner.as().body(Map.of("reason", "ACCOUNT_CLOSED")).post("/api/v1/listings/" + id + "/close").then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
    }
}
