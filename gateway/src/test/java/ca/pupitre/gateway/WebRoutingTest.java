package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * The gateway serves the web app at {@code /}: every path it does not keep for itself ({@code /api/**},
 * {@code /.well-known/**}, {@code /q/**}) goes to the web upstream (here the echo server), with the same
 * relay, forwarding headers and request id as the API.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class WebRoutingTest {

    @Test
    void pagesGoToTheWebApp() {
        given().redirects().follow(false).header("X-Request-Id", "page-7").get("/fr/annonces?q=transcription")
                .then().statusCode(200)
                .header("X-Request-Id", "page-7")
                .body("uri", equalTo("/fr/annonces?q=transcription"))
                .body("headers.x-forwarded-for", notNullValue())
                .body("headers.x-forwarded-host", notNullValue());
        given().redirects().follow(false).get("/").then().statusCode(200).body("uri", equalTo("/"));
        given().get("/sitemap.xml").then().statusCode(200).body("uri", equalTo("/sitemap.xml"));
        // names that merely start like the kept prefixes are pages too
        given().get("/apiculture").then().statusCode(200).body("uri", equalTo("/apiculture"));
        given().get("/questions").then().statusCode(200).body("uri", equalTo("/questions"));
    }

    @Test
    void formsArePostedThroughWithTheirBody() {
        given().contentType(ContentType.URLENC).formParam("email", "a@example.ca").post("/fr/connexion")
                .then().statusCode(200).body("method", equalTo("POST")).body("bodyLength", equalTo(20));
    }

    @Test
    void theGatewayKeepsItsOwnPaths() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().get("/.well-known/jwks.json").then().statusCode(200).body("keys", notNullValue());
        // /q/** is not a page, and not served publicly either (the management port has it)
        given().get("/q/health/ready").then().statusCode(404);
    }
}
