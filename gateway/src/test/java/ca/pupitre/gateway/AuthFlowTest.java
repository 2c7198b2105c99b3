package ca.pupitre.gateway;

import static ca.pupitre.testing.ProblemAnswers.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AuthFlowTest {

    static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.ca";
    }

    static JsonPath register(String email, String role) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct horse battery", "displayName", "Josée Picard",
                        "role", role, "locale", "fr-CA"))
                .post("/api/v1/auth/register")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath token(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void registersSignsInAndReadsOwnAccount() {
        String email = newEmail();
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "correct horse battery", "displayName", "Josée Picard",
                        "role", "SECRETARY", "locale", "fr-CA"))
                .when().post("/api/v1/auth/register")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/me"))
                .body("id", notNullValue())
                .body("email", equalTo(email))
                .body("role", equalTo("SECRETARY"))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));

        JsonPath tokens = token(email, "correct horse battery");
        org.assertj.core.api.Assertions.assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        org.assertj.core.api.Assertions.assertThat(tokens.getInt("expires_in")).isEqualTo(900);
        org.assertj.core.api.Assertions.assertThat(tokens.getString("refresh_token")).isNotBlank();

        given().auth().oauth2(tokens.getString("access_token"))
                .get("/api/v1/me")
                .then().statusCode(200)
                .body("email", equalTo(email))
                .body("displayName", equalTo("Josée Picard"))
                .body("locale", equalTo("fr-CA"));
    }

    @Test
    void emailIsCaseInsensitiveAndUnique() {
        String email = newEmail();
        register(email, "CLIENT");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "password", "another password!", "displayName", "Autre",
                        "role", "CLIENT"))
                .post("/api/v1/auth/register")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("EMAIL_TAKEN"))
                .body("title", equalTo("Courriel déjà utilisé"));
        token(email.toUpperCase(), "correct horse battery");
    }

    @Test
    void refusesSelfRegistrationAsAdmin() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", newEmail(), "password", "correct horse battery", "displayName", "Sneaky",
                        "role", "ADMIN"))
                .post("/api/v1/auth/register")
                .then().statusCode(422).body("code", equalTo("ROLE_NOT_ALLOWED"));
    }

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame() {
        String email = newEmail();
        register(email, "CLIENT");
        String wrongPassword = given().contentType(ContentType.JSON).header("Accept-Language", "en-CA")
                .body(Map.of("email", email, "password", "not the password"))
                .post("/api/v1/auth/token")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("INVALID_CREDENTIALS"))
                .body("title", equalTo("Invalid credentials"))
                .extract().path("detail");
        String unknownEmail = given().contentType(ContentType.JSON).header("Accept-Language", "en-CA")
                .body(Map.of("email", newEmail(), "password", "not the password"))
                .post("/api/v1/auth/token")
                .then().spec(problem(401, "INVALID_CREDENTIALS")).extract().path("detail");
        org.assertj.core.api.Assertions.assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        String email = newEmail();
        register(email, "SECRETARY");
        String first = token(email, "correct horse battery").getString("refresh_token");

        JsonPath second = given().contentType(ContentType.JSON).body(Map.of("refresh_token", first))
                .post("/api/v1/auth/refresh").then().statusCode(200)
                .body("access_token", not(emptyOrNullString())).extract().jsonPath();
        String secondRefresh = second.getString("refresh_token");
        org.assertj.core.api.Assertions.assertThat(secondRefresh).isNotEqualTo(first);

        // The first token is presented again: someone copied it. Both it and its successor die.
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", first))
                .post("/api/v1/auth/refresh").then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", secondRefresh))
                .post("/api/v1/auth/refresh").then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
    }

    @Test
    void logoutEndsTheSession() {
        String email = newEmail();
        register(email, "CLIENT");
        String refresh = token(email, "correct horse battery").getString("refresh_token");
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh))
                .post("/api/v1/auth/logout").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refresh))
                .post("/api/v1/auth/refresh").then().spec(problem(401, "INVALID_REFRESH_TOKEN"));
    }

    @Test
    void adminFromConfigurationCanSignIn() {
        String access = token("admin@pupitre.test", "admin-password-for-tests").getString("access_token");
        given().auth().oauth2(access).get("/api/v1/me").then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    @Test
    void updatesOwnDisplayNameAndLanguage() {
        String email = newEmail();
        register(email, "CLIENT");
        String access = token(email, "correct horse battery").getString("access_token");
        given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Étude Tremblay, notaires", "locale", "en-CA"))
                .patch("/api/v1/me").then().statusCode(200)
                .body("displayName", equalTo("Étude Tremblay, notaires")).body("locale", equalTo("en-CA"));
    }

    @Test
    void servicesGetServiceTokensWithTheirSecretOnly() {
        String access = given().contentType(ContentType.JSON)
                .body(Map.of("clientId", "matching", "clientSecret", "matching-secret-for-tests"))
                .post("/api/v1/auth/service-token").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).extract().path("access_token");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[1]));
        org.assertj.core.api.Assertions.assertThat(payload).contains("\"SERVICE\"").contains("service:matching");

        given().contentType(ContentType.JSON)
                .body(Map.of("clientId", "matching", "clientSecret", "listings-secret-for-tests"))
                .post("/api/v1/auth/service-token").then().statusCode(401).body("code", equalTo("INVALID_CLIENT"));
        given().contentType(ContentType.JSON)
                .body(Map.of("clientId", "gateway", "clientSecret", ""))
                .post("/api/v1/auth/service-token").then().statusCode(422);
        // A SERVICE token is not a person: /me refuses it.
        given().auth().oauth2(access).get("/api/v1/me").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void publishesTheKeyThatSignsTokens() {
        String email = newEmail();
        register(email, "CLIENT");
        String access = token(email, "correct horse battery").getString("access_token");
        String header = new String(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[0]));
        String kid = io.restassured.path.json.JsonPath.from(header).getString("kid");
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kid", hasItem(kid))
                .body("keys[0].kty", is("RSA"))
                .body("keys[0]", not(org.hamcrest.Matchers.hasKey("d")));
    }
}
