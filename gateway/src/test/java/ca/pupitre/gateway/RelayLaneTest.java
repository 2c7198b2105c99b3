package ca.pupitre.gateway;

import static ca.pupitre.testing.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import ca.pupitre.gateway.routing.RelayLane;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The relay lane takes the requests the gateway only relays, ahead of the router, and answers them as the router
 * would (request id, forwarding headers, rate-limit headers, problems); what needs a filter (CORS, a partner key,
 * a bad URI, an oversized body) keeps going through the router. If a Quarkus upgrade moves the hook the lane
 * uses, the first test fails: the gateway would still work, but at the router's speed.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RelayLaneTest {

    @Inject
    RelayLane lane;

    @Test
    void theLaneIsInPlaceAheadOfTheRouter() {
        assertThat(lane.installed()).as("relay lane installed on the HTTP server's root handler").isTrue();
    }

    @Test
    void aPlainRelayedRequestTakesTheLaneAndIsAnsweredAsTheRouterWould() {
        long before = lane.taken();
        given().header("X-Request-Id", "lane-1").header("X-Forwarded-For", "198.51.100.9")
                .get("/api/v1/skills?q=paie")
                .then().statusCode(200)
                .header("X-Request-Id", "lane-1")
                .header("Via", "1.1 pupitre-gateway")
                .header("RateLimit-Limit", notNullValue())
                .body("uri", equalTo("/api/v1/skills?q=paie"))
                .body("headers.x-request-id", equalTo("lane-1"))
                // the test client is no trusted proxy: its X-Forwarded-For is replaced by what the gateway saw
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"));
        assertThat(lane.taken()).isEqualTo(before + 1);
    }

    @Test
    void aWebPageTakesTheLaneToo() {
        long before = lane.taken();
        given().get("/fr/annonces").then().statusCode(200).header("X-Request-Id", notNullValue());
        assertThat(lane.taken()).isEqualTo(before + 1);
    }

    @Test
    void anInsaneRequestIdIsReplacedOnTheLane() {
        String id = given().header("X-Request-Id", "<script>").get("/api/v1/skills")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
    }

    @Test
    void whatNeedsAFilterGoesThroughTheRouter() {
        long before = lane.taken();
        // CORS: answered by Quarkus's filter
        given().header("Origin", "http://localhost:3000").get("/api/v1/skills")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000");
        // a partner key: exchanged (here refused) by the router's key check
        given().header("X-Api-Key", "pk_not-a-key").get("/api/v1/feeds/jobs.xml").then().spec(problem(401, "INVALID_API_KEY"));
        // a NUL byte in the query: refused by the URI check with its problem
        given().urlEncodingEnabled(false).get("/api/v1/listings?q=%00").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_URI_ENCODING"));
        // a body over the limit: refused with 413 before a byte is relayed
        given().header("Content-Type", "application/json").body(new byte[1_048_577]).post("/api/v1/listings")
                .then().statusCode(413);
        // the gateway's own endpoints are not the lane's
        given().get("/.well-known/jwks.json").then().statusCode(200);
        assertThat(lane.taken()).isEqualTo(before);
    }

    @Test
    void aServiceDownOnTheLaneIsABilingualProblemWithTheRequestId() {
        // billing's URL in this profile is a closed port
        long before = lane.taken();
        given().header("X-Request-Id", "lane-503").header("Accept-Language", "en-CA").get("/api/v1/invoices")
                .then().statusCode(503).header("X-Request-Id", "lane-503").header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("requestId", equalTo("lane-503"))
                .body("title", org.hamcrest.Matchers.containsString("unavailable"));
        assertThat(lane.taken()).isEqualTo(before + 1);
    }
}
