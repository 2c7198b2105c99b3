package ca.pupitre.billing.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.billing.Scenario;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Law 25 in billing: the gateway exports a person's billing data; closing her account erases her billing
 * profile but keeps issued invoices with the names printed on them, and waits for open business to end.
 */
@QuarkusTest
@TestProfile(BillingTestProfile.class)
class PersonalDataResourceTest {

    private final Scenario s = Scenario.fresh();

    private static String path(UUID person) {
        return "/api/v1/billing/people/" + person + "/personal-data";
    }

    @Test
    void nobodyButTheGatewayOrAnAdminReadsOrErases() {
        s.clientIn("QC");
        for (String wrong : List.of(TestTokens.service("matching"), s.clientToken, s.secretaryToken,
                TestTokens.partner(UUID.randomUUID()))) {
            given().auth().oauth2(wrong).get(path(s.client)).then().spec(forbidden());
            given().auth().oauth2(wrong).delete(path(s.client)).then().spec(forbidden());
        }
        given().get(path(s.client)).then().spec(unauthorized());
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get(path(s.client)).then().statusCode(200)
                .body("billingProfile.legalName", equalTo("Cabinet Gagnon inc."));
        // nothing was erased by the refused calls
        given().auth().oauth2(s.clientToken).get("/api/v1/billing/profile").then().statusCode(200);
    }

    @Test
    void openBusinessWaitsThenTheProfileGoesAndIssuedInvoicesStay() {
        s.registeredSecretary().clientIn("QC");
        UUID draft = s.draftOf475();
        String number = s.issue(draft).getString("number");
        String gateway = TestTokens.service("gateway");

        given().auth().oauth2(gateway).get(path(s.client)).then().statusCode(200)
                .body("billingProfile.legalName", equalTo("Cabinet Gagnon inc."))
                .body("engagements", hasSize(1)).body("timeEntries", hasSize(2))
                .body("invoices", hasSize(1)).body("invoices[0].number", equalTo(number)).body("payments", hasSize(0));

        given().auth().oauth2(gateway).header("Accept-Language", "en-CA").delete(path(s.client)).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ACCOUNT_HAS_OPEN_BUSINESS"))
                .body("detail", org.hamcrest.Matchers.containsString("1 active engagement(s) and 1 unsettled invoice(s)"));
        given().auth().oauth2(s.clientToken).get("/api/v1/billing/profile").then().statusCode(200);

        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"amount\":\"546.13\",\"method\":\"INTERAC\",\"reference\":\"CA1234\",\"receivedOn\":\"2026-11-30\"}")
                .post("/api/v1/invoices/" + draft + "/payments").then().statusCode(201);
        String engagement = given().auth().oauth2(s.clientToken).get("/api/v1/invoices/" + draft).then().extract().path("engagementId");
        given().auth().oauth2(s.clientToken).post("/api/v1/engagements/" + engagement + "/end").then().statusCode(200);

        given().auth().oauth2(gateway).delete(path(s.client)).then().statusCode(200).body("erased", equalTo(1));
        given().auth().oauth2(gateway).delete(path(s.client)).then().statusCode(200).body("erased", equalTo(0));
        given().auth().oauth2(gateway).get(path(s.client)).then().statusCode(200)
                .body("billingProfile", nullValue())
                .body("invoices", hasSize(1)).body("invoices[0].client.name", equalTo("Cabinet Gagnon inc."))
                .body("payments", hasSize(1));
        // the secretary still has her invoice, with the client's name as issued
        given().auth().oauth2(s.secretaryToken).get("/api/v1/invoices/" + draft).then().statusCode(200)
                .body("client.name", equalTo("Cabinet Gagnon inc.")).body("state", equalTo("PAID"));
        given().auth().oauth2(s.clientToken).get("/api/v1/billing/profile").then().statusCode(404);
    }
}
