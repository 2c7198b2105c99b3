package ca.pupitre.billing.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.billing.Scenario;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BillingTestProfile.class)
class ReportResourceTest {

    private final Scenario s = Scenario.fresh();
    private final LocalDate today = LocalDate.now(ZoneId.of("America/Toronto"));

    @Test
    void revenueTaxesAndReceivablesOfTheSecretaryOnly() {
        s.registeredSecretary().clientIn("QC");
        String first = s.issue(s.draftOf475()).getString("id");
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).body("{\"amount\":\"100.00\",\"reason\":\"Correction\"}")
                .post("/api/v1/invoices/" + first + "/credit-notes").then().statusCode(201);
        String second = s.issue(s.fixedDraft(s.fixed("200.00"), "200.00")).getString("id");
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"amount\":\"229.95\",\"method\":\"INTERAC\",\"receivedOn\":\"" + today + "\"}")
                .post("/api/v1/invoices/" + second + "/payments").then().statusCode(201).body("invoiceState", equalTo("PAID"));

        String month = today.toString().substring(0, 7);
        JsonPath revenue = given().auth().oauth2(s.secretaryToken).queryParam("year", today.getYear())
                .get("/api/v1/billing/reports/revenue").then().statusCode(200).extract().jsonPath();
        assertThat(revenue.getList("months")).hasSize(12);
        String m = "months.find { it.month == '" + month + "' }.";
        assertThat(revenue.getString(m + "invoiced")).isEqualTo("675.00");
        assertThat(revenue.getString(m + "credited")).isEqualTo("100.00");
        assertThat(revenue.getString(m + "net")).isEqualTo("575.00");
        // taxes: 71.13 + 29.95 - 14.98
        assertThat(revenue.getString(m + "taxes")).isEqualTo("86.10");
        assertThat(revenue.getString(m + "received")).isEqualTo("229.95");
        assertThat(revenue.getString("netTotal")).isEqualTo("575.00");

        JsonPath taxes = given().auth().oauth2(s.secretaryToken).queryParam("from", today.withDayOfMonth(1).toString())
                .queryParam("to", today.toString()).get("/api/v1/billing/reports/taxes").then().statusCode(200).extract().jsonPath();
        assertThat(taxes.getString("taxableSupplies")).isEqualTo("575.00");
        assertThat(taxes.getString("lines.find { it.code == 'GST' }.collected")).isEqualTo("33.75");
        assertThat(taxes.getString("lines.find { it.code == 'GST' }.credited")).isEqualTo("5.00");
        assertThat(taxes.getString("lines.find { it.code == 'GST' }.net")).isEqualTo("28.75");
        assertThat(taxes.getString("lines.find { it.code == 'QST' }.collected")).isEqualTo("67.33");
        assertThat(taxes.getString("lines.find { it.code == 'QST' }.net")).isEqualTo("57.35");

        given().auth().oauth2(s.secretaryToken).get("/api/v1/billing/reports/receivables").then().statusCode(200)
                .body("unpaid", hasSize(1)).body("unpaid[0].id", equalTo(first)).body("unpaid[0].balance", equalTo("431.15"))
                .body("overdue", hasSize(0)).body("totalDue", equalTo("431.15"));

        String csv = given().auth().oauth2(s.secretaryToken).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).get("/api/v1/billing/reports/invoices.csv")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("number,kind,issueDate");
        assertThat(csv).contains(Scenario.thisYear() + "-000001,INVOICE," + today + ",", ",475.00,23.75,0.00,47.38,546.13,")
                .contains("NC-" + Scenario.thisYear() + "-000001,CREDIT_NOTE,", ",100.00,5.00,0.00,9.98,114.98,");

        // nobody else reads them
        given().auth().oauth2(s.clientToken).get("/api/v1/billing/reports/receivables").then().spec(forbidden());
        given().auth().oauth2(s.secretaryToken).queryParam("secretaryId", UUID.randomUUID().toString())
                .get("/api/v1/billing/reports/receivables").then().spec(forbidden());
        given().auth().oauth2(TestTokens.secretary(UUID.randomUUID())).get("/api/v1/billing/reports/receivables").then()
                .statusCode(200).body("unpaid", hasSize(0));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).queryParam("secretaryId", s.secretary.toString())
                .get("/api/v1/billing/reports/receivables").then().statusCode(200).body("unpaid", hasSize(1));
        given().auth().oauth2(s.secretaryToken).queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .get("/api/v1/billing/reports/taxes").then().statusCode(400).body("code", equalTo("INVALID_PERIOD"));
    }
}
