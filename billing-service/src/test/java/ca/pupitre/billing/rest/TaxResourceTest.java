package ca.pupitre.billing.rest;

import ca.pupitre.testing.ManagementPort;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@TestProfile(BillingTestProfile.class)
class TaxResourceTest {

    private final String client = TestTokens.client(UUID.randomUUID());

    @Test
    void quotesQuebecTaxesAsTheContractShows() {
        given().auth().oauth2(client)
                .queryParam("subtotal", "475.00").queryParam("clientProvince", "QC")
                .queryParam("supplierRegistered", "true").queryParam("date", "2026-11-27")
                .get("/api/v1/tax/quote")
                .then().statusCode(200)
                .body("subtotal", equalTo("475.00"))
                .body("lines[0].code", equalTo("GST")).body("lines[0].rate", equalTo("0.05")).body("lines[0].amount", equalTo("23.75"))
                .body("lines[1].code", equalTo("QST")).body("lines[1].rate", equalTo("0.09975")).body("lines[1].amount", equalTo("47.38"))
                .body("taxTotal", equalTo("71.13"))
                .body("total", equalTo("546.13"));
    }

    @Test
    void aNulByteOrBytesThatAreNotUtf8AreA400Problem() {
        for (String query : java.util.List.of("clientProvince=%00", "clientProvince=Q%00C", "clientProvince=%C3%28&subtotal=1")) {
            given().auth().oauth2(client).urlEncodingEnabled(false).header("Accept-Language", "en").get("/api/v1/tax/quote?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.equalTo("INVALID_URI_ENCODING")).body("title", org.hamcrest.Matchers.equalTo("Invalid address"));
        }
    }

    @Test
    void aSmallSupplierChargesNoTax() {
        given().auth().oauth2(TestTokens.secretary(UUID.randomUUID()))
                .queryParam("subtotal", "100.90").queryParam("clientProvince", "ON").queryParam("supplierRegistered", "false")
                .get("/api/v1/tax/quote")
                .then().statusCode(200).body("lines", empty()).body("taxTotal", equalTo("0.00")).body("total", equalTo("100.90"));
    }

    @Test
    void novaScotiaHstFollowsTheDate() {
        given().auth().oauth2(client).queryParam("subtotal", "100.00").queryParam("clientProvince", "NS")
                .queryParam("date", "2025-03-31").get("/api/v1/tax/quote")
                .then().statusCode(200).body("lines[0].code", equalTo("HST")).body("lines[0].amount", equalTo("15.00"));
        given().auth().oauth2(client).queryParam("subtotal", "100.00").queryParam("clientProvince", "NS")
                .queryParam("date", "2025-04-01").get("/api/v1/tax/quote")
                .then().statusCode(200).body("lines[0].amount", equalTo("14.00"));
    }

    @ParameterizedTest(name = "subtotal={0} province={1} date={2} -> {3}")
    @CsvSource({
            "475.00, XX, 2026-11-27, UNKNOWN_PROVINCE",
            "-1.00, QC, 2026-11-27, NEGATIVE_AMOUNT",
            "12.345, QC, 2026-11-27, INVALID_AMOUNT",
            "douze, QC, 2026-11-27, INVALID_AMOUNT",
            "1e5, QC, 2026-11-27, INVALID_AMOUNT",
            "475.00, QC, 1999-01-01, NO_RATE_IN_FORCE",
            "475.00, QC, 27/11/2026, INVALID_DATE"})
    void badInputIsA400Problem(String subtotal, String province, String date, String code) {
        given().auth().oauth2(client).header("Accept-Language", "en-CA")
                .queryParam("subtotal", subtotal).queryParam("clientProvince", province).queryParam("date", date)
                .get("/api/v1/tax/quote")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo(code));
    }

    @Test
    void missingParametersAreNamed() {
        given().auth().oauth2(client).queryParam("subtotal", "10.00").get("/api/v1/tax/quote")
                .then().statusCode(400).body("code", equalTo("MISSING_PARAMETER"))
                .body("detail", org.hamcrest.Matchers.containsString("clientProvince"));
    }

    static Stream<Arguments> badTokens() {
        return TestTokens.badTokens(UUID.randomUUID().toString(), "CLIENT").entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} token")
    @MethodSource("badTokens")
    void refusesBadTokens(String name, String token) {
        given().auth().oauth2(token).queryParam("subtotal", "10.00").queryParam("clientProvince", "QC")
                .get("/api/v1/tax/quote")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void refusesAnonymousCallers() {
        given().queryParam("subtotal", "10.00").queryParam("clientProvince", "QC").get("/api/v1/tax/quote")
                .then().spec(unauthorized()).contentType("application/problem+json");
    }

    @Test
    void partnersAreNotSignedInUsers() {
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID()))
                .queryParam("subtotal", "10.00").queryParam("clientProvince", "QC").get("/api/v1/tax/quote")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void healthMetricsAndOpenApiOnTheManagementPortOnly() {
        ManagementPort.given().get("/q/health/ready").then().statusCode(200);
        ManagementPort.given().get("/q/metrics").then().statusCode(200);
        ManagementPort.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tax/quote"));
        for (String internal : java.util.List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().get(internal).then().statusCode(404);
        }
    }

    @Test
    void unknownPathsAreProblemsToo() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        // /api/v1/invoices exists since the billing issue: anonymous callers get 401 there, signed-in ones a 404 for a non-id
        given().auth().oauth2(client).get("/api/v1/invoices/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void operationsForOtherServicesAreMarkedInternalAndPublicOnesAreNot() {
        var doc = ManagementPort.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String op : java.util.List.of("'/api/v1/engagements/{id}/review-eligibility'.get",
                "'/api/v1/billing/people/{personId}/personal-data'.get",
                "'/api/v1/billing/people/{personId}/personal-data'.delete")) {
            org.assertj.core.api.Assertions.assertThat(doc.getBoolean("paths." + op + ".'x-internal'")).as(op).isTrue();
        }
        org.assertj.core.api.Assertions.assertThat(doc.getMap("paths.'/api/v1/tax/quote'.get")).doesNotContainKey("x-internal");
    }
}
