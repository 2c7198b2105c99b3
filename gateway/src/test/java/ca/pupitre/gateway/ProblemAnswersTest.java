package ca.pupitre.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import ca.pupitre.testing.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the framework itself would answer (unknown path, wrong method, bad JSON...) is problem+json too. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ProblemAnswersTest {

    @Test
    void aNulByteOrBytesThatAreNotUtf8AreA400ProblemNeverForwarded() {
        for (String path : java.util.List.of("/api/v1/referrals/%00", "/api/v1/listings?q=%00", "/api/v1/listings?q=%C3%28",
                "/api/v1/me/%FF", "/api/v1/nothing%00here")) {
            given().urlEncodingEnabled(false).header("Accept-Language", "en-CA").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("INVALID_URI_ENCODING"))
                    .body("title", org.hamcrest.Matchers.equalTo("Invalid address"));
        }
    }

    @Test
    void withoutTheDevMailboxItsEndpointIsNotFound() {
        String admin = AuthFlowTest.token("admin@pupitre.test", "admin-password-for-tests").getString("access_token");
        given().auth().oauth2(admin).get("/api/v1/dev/mailbox").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownPathIsA404Problem() {
        given().header("Accept-Language", "fr-CA").get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://pupitre.ca/problems/not-found"))
                .body("title", equalTo("Introuvable"))
                .body("instance", equalTo("/api/v1/nothing-here"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void wrongMethodIsA405Problem() {
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/auth/token")
                .then().statusCode(405).contentType("application/problem+json").body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.ca\", ").post("/api/v1/auth/register")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en-CA")
                .body(Map.of("email", "x@example.ca", "password", "correct horse battery", "displayName", "X", "role", "BOSS"))
                .post("/api/v1/auth/register")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_VALUE"))
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", containsString("SECRETARY"))
                .body("detail", not(containsString("ca.pupitre")));
    }

    @Test
    void missingFieldsAreListedInTheCallersLanguage() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en-CA").body("{\"email\": \"not-an-email\"}")
                .post("/api/v1/auth/register")
                .then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("Invalid data"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("role"));
        given().contentType(ContentType.JSON).body("{\"email\": \"not-an-email\"}")
                .post("/api/v1/auth/register")
                .then().statusCode(422).body("title", equalTo("Données invalides"));
    }

    @Test
    void emptyBodyIsAValidationProblem() {
        // readable (nothing to read) but invalid: 422, as the README fixes it (400 is for unreadable bodies)
        given().contentType(ContentType.JSON).post("/api/v1/auth/token")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String huge = "x".repeat(70_000);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "a@example.ca", "password", huge, "displayName", "X", "role", "CLIENT"))
                .post("/api/v1/auth/register")
                .then().statusCode(413).contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        given().contentType(ContentType.XML).body("<a/>").post("/api/v1/auth/token")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void requestIdIsKeptWhenSaneAndReplacedWhenNot() {
        given().header("X-Request-Id", "abc-123").get("/api/v1/nothing")
                .then().header("X-Request-Id", "abc-123").body("requestId", equalTo("abc-123"));
        given().header("X-Request-Id", "bad id with spaces\u00e9").get("/api/v1/nothing")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void healthMetricsAndOwnOpenApiAreOnTheManagementPortOnly() {
        ManagementPort.given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem(containsString("Database")));
        ManagementPort.given().get("/q/health/live").then().statusCode(200);
        ManagementPort.given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        ManagementPort.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/auth/register"));
        // the public port: nothing under /q, whatever the path
        for (String internal : java.util.List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/dev-ui",
                "/q/anything")) {
            given().get(internal).then().statusCode(404);
        }
        // the merged public document and its Swagger UI stay public
        given().get("/api/v1/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/auth/register"))
                .body("x-pupitre-unavailable", hasItem("billing"));
        given().redirects().follow(true).get(SWAGGER_UI).then().statusCode(200)
                .body(containsString("swagger"));
    }

    /** Where Swagger UI (of the public document) is documented to be. */
    static final String SWAGGER_UI = "/api/v1/docs/";


    @Test
    void corsPreflightFromAKnownOriginIsAnswered() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .options("/api/v1/auth/token")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:5173");
    }
}
