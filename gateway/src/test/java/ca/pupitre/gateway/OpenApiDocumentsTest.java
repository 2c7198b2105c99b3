package ca.pupitre.gateway;

import static ca.pupitre.gateway.AuthFlowTest.newEmail;
import static ca.pupitre.gateway.AuthFlowTest.register;
import static ca.pupitre.gateway.AuthFlowTest.token;
import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
        given().get("/api/v1/openapi/internal").then().spec(unauthorized()).contentType("application/problem+json");
        String email = newEmail();
        register(email, "SECRETARY");
        given().auth().oauth2(token(email, "correct horse battery").getString("access_token"))
                .get("/api/v1/openapi/internal").then().spec(forbidden());
    }

    @Test
    void everyPublicOperationDocumentsTheGatewaysOwnAnswers() {
        given().get("/api/v1/openapi").then().statusCode(200)
                // the budgets every answer reports, and the refusal when one is spent
                .body("paths.'/api/v1/me'.get.responses.'200'.headers.'RateLimit-Remaining'.'$ref'",
                        equalTo("#/components/headers/RateLimit-Remaining"))
                .body("paths.'/api/v1/me'.get.responses.'429'.'$ref'", equalTo("#/components/responses/TooManyRequests"))
                .body("components.responses.TooManyRequests.headers", hasKey("Retry-After"))
                .body("components.responses.TooManyRequests.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                // a 429 an operation documents itself gains Retry-After too
                .body("paths.'/api/v1/auth/token'.post.responses.'429'.headers", hasKey("Retry-After"))
                // 401 where a token is needed, and only there
                .body("paths.'/api/v1/me'.get.responses.'401'.'$ref'", equalTo("#/components/responses/Unauthorized"))
                .body("paths.'/api/v1/auth/register'.post.responses", not(hasKey("401")))
                .body("paths.'/api/v1/me'.get.responses.'500'.'$ref'", equalTo("#/components/responses/InternalError"))
                // the token keys are not rate-limited
                .body("paths.'/.well-known/jwks.json'.get.responses", not(hasKey("429")))
                // every operation's security requirement names a scheme the document declares
                .body("paths.'/api/v1/me'.get.security[0]", hasKey("jwt"))
                .body("components.securitySchemes", hasKey("jwt"))
                .body("components.securitySchemes.jwt.bearerFormat", equalTo("JWT"));
    }

    @Test
    void anUnchangedDocumentIsNotSentAgain() {
        String etag = given().get("/api/v1/openapi").then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/openapi").then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get("/api/v1/openapi").then().statusCode(200);
        given().header("If-None-Match", "\"" + "x".repeat(300) + "\"").get("/api/v1/openapi").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
    }
}
