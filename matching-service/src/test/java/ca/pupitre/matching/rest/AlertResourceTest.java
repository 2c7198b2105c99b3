package ca.pupitre.matching.rest;

import ca.pupitre.testing.ManagementPort;
import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import ca.pupitre.matching.MatchingTestProfile;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@TestProfile(MatchingTestProfile.class)
class AlertResourceTest {

    private static final Map<String, Object> ALERT = Map.of("name", "Mise en page, Laurentides", "q", "mise en page",
            "skills", List.of("layout", "word"), "languages", List.of("fr"), "region", "15", "frequency", "DAILY");

    @Test
    void alertEmailsGoOnlyToAVerifiedAddress() {
        UUID owner = UUID.randomUUID();
        given().auth().oauth2(TestTokens.unverified(owner, "CLIENT")).contentType(ContentType.JSON).body(ALERT)
                .post("/api/v1/alerts").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("EMAIL_NOT_VERIFIED"));
        given().auth().oauth2(TestTokens.client(owner)).get("/api/v1/alerts").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void aSecretarySavesAndListsHerAlerts() {
        String secretary = TestTokens.secretary(UUID.randomUUID());
        given().auth().oauth2(secretary).contentType(ContentType.JSON).body(ALERT)
                .post("/api/v1/alerts")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/alerts/"))
                .body("watches", equalTo("REQUEST"))
                .body("language", equalTo("fr"))
                .body("skills", hasItem("layout"));
        given().auth().oauth2(secretary).get("/api/v1/alerts")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].name", equalTo("Mise en page, Laurentides"));
    }

    @Test
    void nobodySeesOrDeletesAnotherPersonsAlerts() {
        String owner = TestTokens.client(UUID.randomUUID());
        String other = TestTokens.client(UUID.randomUUID());
        String id = given().auth().oauth2(owner).contentType(ContentType.JSON).body(ALERT)
                .post("/api/v1/alerts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(other).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(other).delete("/api/v1/alerts/" + id).then().statusCode(404).body("code", equalTo("ALERT_NOT_FOUND"));
        given().auth().oauth2(owner).delete("/api/v1/alerts/" + id).then().statusCode(204);
        given().auth().oauth2(owner).get("/api/v1/alerts").then().body("items", hasSize(0));
    }

    @Test
    void badCriteriaAreListedField() {
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("name", "", "region", "99", "languages", List.of("de"), "frequency", "DAILY"))
                .post("/api/v1/alerts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("region"));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "frequency", "HOURLY"))
                .post("/api/v1/alerts")
                .then().statusCode(400).body("errors[0].field", equalTo("frequency"));
        // an alert is only ever deleted by id: GET there is the wrong method, whatever the id
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/v1/alerts/not-a-uuid")
                .then().statusCode(405).contentType("application/problem+json").body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    static Stream<Arguments> badTokens() {
        return TestTokens.badTokens(UUID.randomUUID().toString(), "SECRETARY").entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} token")
    @MethodSource("badTokens")
    void refusesBadTokens(String name, String token) {
        given().auth().oauth2(token).get("/api/v1/alerts")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void onlySecretariesAndClientsHaveAlerts() {
        given().get("/api/v1/alerts").then().spec(unauthorized()).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).get("/api/v1/alerts")
                .then().spec(forbidden()).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.service("billing")).get("/api/v1/alerts").then().spec(forbidden());
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/alerts").then().spec(forbidden());
    }

    @Test
    void healthMetricsAndOpenApiOnTheManagementPortOnly() {
        ManagementPort.given().get("/q/health/ready").then().statusCode(200);
        ManagementPort.given().get("/q/metrics").then().statusCode(200);
        ManagementPort.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/alerts"));
        for (String internal : java.util.List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().get(internal).then().statusCode(404);
        }
    }
}
