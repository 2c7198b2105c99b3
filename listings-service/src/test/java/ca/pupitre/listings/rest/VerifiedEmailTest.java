package ca.pupitre.listings.rest;

import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What reaches other people needs a verified e-mail address (the gateway's email_verified claim). */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class VerifiedEmailTest {

    private static Person unverified(String role) {
        UUID id = UUID.randomUUID();
        return new Person(id, TestTokens.unverified(id, role));
    }

    @Test
    void anUnverifiedPersonKeepsDraftsButCannotPublishOrReport() {
        Person client = unverified("CLIENT");
        String draft = client.as().body(Api.EXAMPLE).post("/api/v1/listings").then().statusCode(201).extract().path("id");
        client.as().get("/api/v1/listings/" + draft).then().statusCode(200);
        client.as().header("Accept-Language", "en-CA").post("/api/v1/listings/" + draft + "/publish").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("EMAIL_NOT_VERIFIED"))
                .body("title", equalTo("E-mail address to confirm"));
        client.as().get("/api/v1/listings/" + draft).then().body("status", equalTo("DRAFT"));

        String published = Api.publish(Api.secretary(), Api.EXAMPLE);
        client.as().body(Map.of("reason", "SPAM")).post("/api/v1/listings/" + published + "/reports").then().statusCode(403)
                .body("code", equalTo("EMAIL_NOT_VERIFIED"));
        Api.established("CLIENT").as().body(Map.of("reason", "SPAM")).post("/api/v1/listings/" + published + "/reports").then()
                .statusCode(201);
    }
}
