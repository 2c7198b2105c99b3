package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The public OpenAPI document holds what front ends and partners may call; what services call on each other
 * (marked x-internal) is in the internal one, for admins and services only. Both carry an ETag.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OpenApiDocumentsTest {

    @Test
    void internalOperationsAreOnlyInTheInternalDocument() {
        given().get("/api/v1/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/auth/register"))
                .body("paths", not(hasKey("/api/v1/auth/service-token")))
                .body("paths", not(hasKey("/api/v1/openapi/internal")));
        given().auth().oauth2(AccountModerationTest.admin()).get("/api/v1/openapi/internal").then().statusCode(200)
                .body("paths", hasKey("/api/v1/auth/service-token"))
                .body("paths", hasKey("/api/v1/openapi/internal"))
                .body("paths", not(hasKey("/api/v1/auth/register")))
                .body("paths.'/api/v1/auth/service-token'.post.'x-internal'", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void theInternalDocumentIsForAdminsAndServicesOnly() {
        given().get("/api/v1/openapi/internal").then().statusCode(401).contentType("application/problem+json");
        String email = newEmail();
        register(email, "SECRETARY");
        given().auth().oauth2(token(email, "correct horse battery").getString("access_token"))
                .get("/api/v1/openapi/internal").then().statusCode(403);
    }

    @Test
    void anUnchangedDocumentIsNotSentAgain() {
        String etag = given().get("/api/v1/openapi").then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/openapi").then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get("/api/v1/openapi").then().statusCode(200);
    }
}
