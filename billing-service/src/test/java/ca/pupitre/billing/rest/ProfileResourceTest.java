package ca.pupitre.billing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@TestProfile(BillingTestProfile.class)
class ProfileResourceTest {

    private final UUID secretary = UUID.randomUUID();
    private final String token = TestTokens.secretary(secretary);

    private static String body(String small, String gst, String qst) {
        return "{\"legalName\":\"Marie Tremblay\",\"address\":\"123, rue Principale, Québec\",\"province\":\"qc\","
                + "\"smallSupplier\":" + small + (gst == null ? "" : ",\"gstNumber\":\"" + gst + "\"")
                + (qst == null ? "" : ",\"qstNumber\":\"" + qst + "\"") + ",\"paymentInstructions\":\"Interac : marie@example.ca\"}";
    }

    @Test
    void storesARegisteredSecretarysNumbersInCanonicalForm() {
        given().auth().oauth2(token).get("/api/v1/billing/profile").then().statusCode(404).body("code", equalTo("PROFILE_NOT_FOUND"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body("false", "123456789rt0001", "1234567890 TQ 0001"))
                .put("/api/v1/billing/profile")
                .then().statusCode(200).body("kind", equalTo("SECRETARY")).body("province", equalTo("QC"))
                .body("gstNumber", equalTo("123456789 RT0001")).body("qstNumber", equalTo("1234567890 TQ0001"));
        given().auth().oauth2(token).get("/api/v1/billing/profile").then().statusCode(200)
                .body("paymentInstructions", equalTo("Interac : marie@example.ca")).body("smallSupplier", equalTo(false));
    }

    @Test
    void aSmallSupplierHasNoNumbers() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body("true", null, null)).put("/api/v1/billing/profile")
                .then().statusCode(200).body("smallSupplier", equalTo(true)).body("gstNumber", nullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body("true", "123456789 RT0001", null))
                .put("/api/v1/billing/profile").then().statusCode(422).body("code", equalTo("SMALL_SUPPLIER_WITH_TAX_NUMBERS"));
    }

    @ParameterizedTest(name = "gst={0} qst={1} -> {2}")
    @CsvSource({
            "12345678 RT0001, 1234567890 TQ0001, INVALID_GST_NUMBER",
            "123456789 RC0001, 1234567890 TQ0001, INVALID_GST_NUMBER",
            "123456789 RT0001, 123456789 TQ0001, INVALID_QST_NUMBER",
            "123456789 RT0001, 1234567890 RT0001, INVALID_QST_NUMBER",
            "123456789 RT0001, , TAX_NUMBERS_REQUIRED"})
    void refusesMalformedOrMissingNumbers(String gst, String qst, String code) {
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en-CA").body(body("false", gst, qst))
                .put("/api/v1/billing/profile")
                .then().statusCode(422).contentType("application/problem+json").body("code", equalTo(code));
    }

    @Test
    void aClientGivesNameAddressAndProvince() {
        String client = TestTokens.client(UUID.randomUUID());
        given().auth().oauth2(client).contentType(ContentType.JSON)
                .body("{\"legalName\":\"Cabinet Gagnon inc.\",\"address\":\"400, boul. Laurier\",\"province\":\"ON\"}")
                .put("/api/v1/billing/profile").then().statusCode(200).body("kind", equalTo("CLIENT")).body("province", equalTo("ON"));
        given().auth().oauth2(client).contentType(ContentType.JSON)
                .body("{\"legalName\":\"Cabinet Gagnon inc.\",\"address\":\"400, boul. Laurier\",\"province\":\"XX\"}")
                .put("/api/v1/billing/profile").then().statusCode(422).body("code", equalTo("UNKNOWN_PROVINCE"));
    }

    @Test
    void missingFieldsAreValidationProblems() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"province\":\"QC\"}").put("/api/v1/billing/profile")
                .then().statusCode(422).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void adminsAndPartnersHaveNoProfile() {
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).get("/api/v1/billing/profile")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    static Stream<Arguments> badTokens() {
        return TestTokens.badTokens(UUID.randomUUID().toString(), "SECRETARY").entrySet().stream()
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} token")
    @MethodSource("badTokens")
    void refusesBadTokens(String name, String bad) {
        given().auth().oauth2(bad).get("/api/v1/billing/profile").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }
}
