package ca.pupitre.listings.rest;

import ca.pupitre.testing.ManagementPort;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.ListingsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class SkillAndPlatformTest {

    @Test
    void servesTheBilingualTaxonomy() {
        Api.anonymous().get("/api/v1/skills").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(17))
                .body("code", hasItems("transcription", "translation", "layout", "spreadsheets", "bookkeeping",
                        "financial-statements", "invoicing", "calendar", "customer-service", "legal", "medical", "notarial",
                        "word", "excel", "quickbooks", "sage50", "acomba"))
                .body("find { it.code == 'bookkeeping' }.label.fr", equalTo("Tenue de livres"))
                .body("find { it.code == 'bookkeeping' }.label.en", equalTo("Bookkeeping"))
                .body("find { it.code == 'bookkeeping' }.category", equalTo("accounting"))
                .body("find { it.code == 'layout' }.synonyms.fr", hasItems("mise en page"));
    }

    @Test
    void frameworkAnswersAreProblems() {
        Api.anonymous().get("/api/v1/nothing").then().statusCode(404).contentType("application/problem+json");
        Api.anonymous().delete("/api/v1/skills").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiOnTheManagementPortOnly() {
        ManagementPort.given().get("/q/health/ready").then().statusCode(200);
        ManagementPort.given().get("/q/metrics").then().statusCode(200);
        ManagementPort.given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/listings/{id}/publish"));
        for (String internal : java.util.List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            Api.anonymous().get(internal).then().statusCode(404);
        }
    }

    @Test
    void operationsForOtherServicesAreMarkedInternalAndPublicOnesAreNot() {
        var doc = ManagementPort.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String op : java.util.List.of("'/api/v1/listings/changes'.get", "'/api/v1/listings/expiring'.get",
                "'/api/v1/listings/{id}/featured'.put", "'/api/v1/listings/owners/{ownerId}/suspension'.put",
                "'/api/v1/listings/owners/{ownerId}/suspension'.delete", "'/api/v1/listings/people/{personId}/personal-data'.get",
                "'/api/v1/listings/people/{personId}/personal-data'.delete")) {
            org.assertj.core.api.Assertions.assertThat(doc.getBoolean("paths." + op + ".'x-internal'")).as(op).isTrue();
        }
        org.assertj.core.api.Assertions.assertThat(doc.getMap("paths.'/api/v1/listings/{id}/publish'.post"))
                .doesNotContainKey("x-internal");
        org.assertj.core.api.Assertions.assertThat(doc.getMap("paths.'/api/v1/listings'.get")).doesNotContainKey("x-internal");
    }
}
