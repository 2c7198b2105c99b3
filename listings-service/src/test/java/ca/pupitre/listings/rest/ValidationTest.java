package ca.pupitre.listings.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input answers a 4xx problem+json naming the field, never a 500. */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class ValidationTest {

    private static JsonPath rejected(int status, Map<String, Object> body) {
        return Api.secretary().as().header("Accept-Language", "en-CA").body(body).post("/api/v1/listings")
                .then().statusCode(status).contentType("application/problem+json").extract().jsonPath();
    }

    private static Map<String, Object> valid(Map<String, Object> overrides) {
        return Api.body("Titre valide", "Description valide", List.of("word"), overrides);
    }

    @Test
    void rejectsOversizedTexts() {
        JsonPath problem = rejected(422, valid(Map.of("title", Map.of("fr", "t".repeat(161)),
                "description", Map.of("en", "d".repeat(8001)))));
        assertThat(problem.getString("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.getList("errors.field")).containsExactlyInAnyOrder("title.fr", "description.en");
        assertThat(problem.getList("errors.code")).containsOnly("TOO_LONG");
        Api.secretary().as().body(valid(Map.of("title", Map.of("fr", "t".repeat(160)),
                "description", Map.of("fr", "é".repeat(8000))))).post("/api/v1/listings").then().statusCode(201);
    }

    @Test
    void rejectsABodyOverTheSizeLimit() {
        Api.secretary().as().body(valid(Map.of("description", Map.of("fr", "x".repeat(300_000)))))
                .post("/api/v1/listings").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void rejectsUnknownSkillsNamingTheField() {
        JsonPath problem = rejected(422, valid(Map.of("skills", List.of("word", "juggling"))));
        assertThat(problem.getString("errors[0].field")).isEqualTo("skills[1]");
        assertThat(problem.getString("errors[0].code")).isEqualTo("UNKNOWN_SKILL");
        assertThat(problem.getString("errors[0].message")).contains("juggling");
        rejected(422, valid(Map.of("skills", List.of())));
        // an unknown code is quoted back cut to 32 characters, so a long one cannot blow up the message
        JsonPath longCode = rejected(422, valid(Map.of("skills", List.of("j".repeat(5000)))));
        assertThat(longCode.getString("errors[0].message")).contains("j".repeat(32) + "…").doesNotContain("j".repeat(33));
    }

    @Test
    void anAcceptLanguageOver256CharactersIsRefused() {
        Person secretary = Api.secretary();
        secretary.as().header("Accept-Language", "fr-CA," + "x".repeat(256)).body(Api.EXAMPLE).post("/api/v1/listings")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
        secretary.as().header("Accept-Language", "fr-CA,en-CA;q=0.8").body(Api.EXAMPLE).post("/api/v1/listings")
                .then().statusCode(201);
    }

    @Test
    void rejectsNegativeZeroAndAbsurdRates() {
        for (String amount : List.of("-5", "0", "0.00", "1000.01", "38.123", "abc", "1e400", "NaN")) {
            JsonPath problem = rejected(422, valid(Map.of("pricing", Map.of("unit", "HOUR", "amount", amount))));
            assertThat(problem.getString("errors[0].field")).as(amount).isEqualTo("pricing.amount");
        }
        rejected(422, valid(Map.of("pricing", Map.of("unit", "AUDIO_MINUTE", "amount", "150"))));
        rejected(422, valid(Map.of("pricing", Map.of("unit", "HOUR", "amount", "30", "currency", "USD"))));
        Api.secretary().as().body(valid(Map.of("pricing", Map.of("unit", "HOUR", "amount", "1000"))))
                .post("/api/v1/listings").then().statusCode(201).body("pricing.amount", equalTo("1000.00"));
        Api.secretary().as().body(valid(Map.of("pricing", Map.of("unit", "HOUR", "amount", 42.5))))
                .post("/api/v1/listings").then().statusCode(201).body("pricing.amount", equalTo("42.50"));
    }

    @Test
    void refusesNumbersWrittenLongerThanTheDocumentedLimit() {
        // "38.00" padded with zeros would parse; its text is longer than the 20 characters the OpenAPI document allows
        JsonPath amount = rejected(422, valid(Map.of("pricing", Map.of("unit", "HOUR", "amount", "0".repeat(16) + "38.00"))));
        assertThat(amount.getString("errors[0].field")).isEqualTo("pricing.amount");
        assertThat(amount.getString("errors[0].code")).isEqualTo("INVALID_AMOUNT");
        JsonPath turnaround = rejected(422, valid(Map.of("turnaround", "PT" + "0".repeat(18) + "24H")));
        assertThat(turnaround.getString("errors[0].field")).isEqualTo("turnaround");
        assertThat(turnaround.getString("errors[0].code")).isEqualTo("INVALID_FORMAT");
        Api.secretary().as().body(valid(Map.of("pricing", Map.of("unit", "HOUR", "amount", "0038.00"), "turnaround", "PT24H")))
                .post("/api/v1/listings").then().statusCode(201).body("pricing.amount", equalTo("38.00"));
    }

    @Test
    void rejectsUnknownEnumValuesAndMalformedJson() {
        assertThat(rejected(400, valid(Map.of("pricing", Map.of("unit", "DAY", "amount", "30"))))
                .getString("errors[0].field")).isEqualTo("pricing.unit");
        Api.secretary().as().header("Accept-Language", "en-CA").body(valid(Map.of("confidentiality", "SECRET")))
                .post("/api/v1/listings").then().statusCode(400).body("errors[0].field", equalTo("confidentiality"))
                .body("errors[0].message", containsString("NOTARIAL"));
        rejected(400, valid(Map.of("startDate", "demain")));
        Api.secretary().as().body("{\"title\": ").post("/api/v1/listings").then().statusCode(400)
                .body("code", equalTo("MALFORMED_JSON"));
        Api.secretary().as().body("[]").post("/api/v1/listings").then().statusCode(400);
        Api.secretary().as().body("").post("/api/v1/listings").then().statusCode(422);
    }

    @Test
    void rejectsOtherBadFields() {
        JsonPath problem = rejected(422, valid(Map.of("region", "18", "remote", false, "languages", List.of("french"),
                "hoursPerWeek", 0, "turnaround", "soon")));
        assertThat(problem.getList("errors.field")).contains("region", "languages[0]", "hoursPerWeek", "turnaround");
        Map<String, Object> noTitle = valid(Map.of());
        noTitle.remove("title");
        assertThat(rejected(422, noTitle).getList("errors.field")).contains("title");
        rejected(422, valid(Map.of("title", Map.of("fr", "   "))));
        rejected(422, valid(Map.of("title", Map.of("fr", "Titre\u0000nul"))));
        rejected(422, valid(Map.of("anonymous", true)));
        rejected(422, valid(Map.of("turnaround", "P365D")));
        rejected(422, valid(Map.of("remote", false)));
    }

    @Test
    void frenchMessagesByDefault() {
        Api.secretary().as().body(valid(Map.of("skills", List.of("jonglerie")))).post("/api/v1/listings")
                .then().statusCode(422).body("title", equalTo("Données invalides"))
                .body("errors[0].message", containsString("Compétence inconnue"));
    }

    @Test
    void storesHtmlAsTextAndEscapesItInTheHtmlRendering() {
        Person secretary = Api.secretary();
        String script = "<script>alert('x')</script>\n<b>Gras</b> & \"guillemets\"";
        Map<String, Object> body = new HashMap<>(valid(Map.of("description", Map.of("fr", script))));
        JsonPath created = Api.create(secretary, body);
        assertThat(created.getString("description.fr")).isEqualTo(script);
        assertThat(created.getString("descriptionHtml.fr"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>&lt;b&gt;Gras&lt;/b&gt; &amp; &quot;guillemets&quot;");
        Api.secretary().as().get("/api/v1/listings/" + created.getString("id")).then().statusCode(404);
        secretary.as().get("/api/v1/listings/" + created.getString("id")).then().statusCode(200)
                .body("description.fr", equalTo(script))
                .header("Content-Type", containsString("application/json"));
    }

    @Test
    void unknownIdsAre404Problems() {
        Api.anonymous().get("/api/v1/listings/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("LISTING_NOT_FOUND"));
        Api.anonymous().get("/api/v1/listings/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        Api.anonymous().get("/api/v1/listings/1%27%20or%201=1").then().statusCode(404);
    }

    @Test
    void reportsValidateTheirBody() {
        String id = Api.publish(Api.secretary(), Api.EXAMPLE);
        Person reporter = Api.client();
        reporter.as().body(Map.of("reason", "BORING")).post("/api/v1/listings/" + id + "/reports").then().statusCode(400);
        reporter.as().body(Map.of()).post("/api/v1/listings/" + id + "/reports").then().statusCode(422)
                .body("errors.field", hasItem("reason"));
        reporter.as().body(Map.of("reason", "SPAM", "comment", "c".repeat(1001))).post("/api/v1/listings/" + id + "/reports")
                .then().statusCode(422);
    }
}
