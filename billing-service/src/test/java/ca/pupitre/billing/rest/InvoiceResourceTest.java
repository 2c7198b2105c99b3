package ca.pupitre.billing.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.billing.Scenario;
import ca.pupitre.testing.ManagementPort;
import ca.pupitre.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BillingTestProfile.class)
class InvoiceResourceTest {

    private final Scenario s = Scenario.fresh();

    @Test
    void myInvoicesComeNewestFirstInPagesEachNamingTheNext() {
        s.registeredSecretary().clientIn("QC");
        UUID first = s.draftOf475();
        s.issue(first);
        UUID second = s.draftOf475();
        s.issue(second);
        UUID third = s.draftOf475(); // a draft: hers, not the client's

        io.restassured.response.Response page1 = given().auth().oauth2(s.secretaryToken).queryParam("limit", 2)
                .get("/api/v1/invoices").then().statusCode(200).body("$", hasSize(2)).extract().response();
        assertThat(page1.jsonPath().getList("id")).containsExactly(third.toString(), second.toString());
        String link = page1.header("Link");
        assertThat(link).matches("</api/v1/invoices\\?limit=2&after=[A-Za-z0-9_-]+>; rel=\"next\"");
        String next = link.substring(1, link.indexOf('>'));
        given().auth().oauth2(s.secretaryToken).get(next).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(first.toString())).header("Link", nullValue());
        // every line, tax and credit note is there on a page, as on the invoice itself
        given().auth().oauth2(s.secretaryToken).get(next).then().body("[0].lines", hasSize(2)).body("[0].taxes", hasSize(2))
                .body("[0].total", equalTo("546.13"));

        // the client's pages hold only what was issued to him
        given().auth().oauth2(s.clientToken).queryParam("limit", 1).get("/api/v1/invoices").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(second.toString()));

        // an unreadable cursor is a 400 problem, in the caller's language
        given().auth().oauth2(s.secretaryToken).header("Accept-Language", "en").queryParam("after", "not-a-cursor")
                .get("/api/v1/invoices").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_CURSOR")).body("title", equalTo("Invalid cursor"));
        // a limit out of bounds is refused like every other invalid field here (422 VALIDATION_FAILED)
        given().auth().oauth2(s.secretaryToken).queryParam("limit", 0).get("/api/v1/invoices").then().statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(s.secretaryToken).queryParam("limit", 201).get("/api/v1/invoices").then().statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void aDraftHasNoNumberNorTaxesAndIsBuiltFromApprovedTime() {
        s.registeredSecretary().clientIn("QC");
        UUID draft = s.draftOf475();
        given().auth().oauth2(s.secretaryToken).get("/api/v1/invoices/" + draft).then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("number", nullValue()).body("subtotal", equalTo("475.00"))
                .body("taxes", hasSize(0)).body("total", nullValue())
                .body("lines", hasSize(2)).body("lines[0].quantity", equalTo("6.00")).body("lines[0].unit", equalTo("HOUR"))
                .body("lines[0].unitPrice", equalTo("47.50")).body("lines[0].amount", equalTo("285.00"));
        // the client does not see drafts
        given().auth().oauth2(s.clientToken).get("/api/v1/invoices/" + draft).then().statusCode(404);
    }

    @Test
    void issuingNumbersFreezesAndTaxesOnTheClientsProvince() {
        s.registeredSecretary().clientIn("QC");
        UUID draft = s.draftOf475();
        JsonPath issued = s.issue(draft);
        assertThat(issued.getString("number")).isEqualTo(Scenario.thisYear() + "-000001");
        assertThat(issued.getString("state")).isEqualTo("ISSUED");
        assertThat(issued.getString("subtotal")).isEqualTo("475.00");
        assertThat(issued.getString("taxes[0].code")).isEqualTo("GST");
        assertThat(issued.getString("taxes[0].rate")).isEqualTo("0.05");
        assertThat(issued.getString("taxes[0].amount")).isEqualTo("23.75");
        assertThat(issued.getString("taxes[1].code")).isEqualTo("QST");
        assertThat(issued.getString("taxes[1].rate")).isEqualTo("0.09975");
        assertThat(issued.getString("taxes[1].amount")).isEqualTo("47.38");
        assertThat(issued.getString("taxTotal")).isEqualTo("71.13");
        assertThat(issued.getString("total")).isEqualTo("546.13");
        assertThat(issued.getString("balance")).isEqualTo("546.13");
        assertThat(issued.getString("supplier.gstNumber")).isEqualTo(Scenario.GST);
        assertThat(issued.getString("supplier.qstNumber")).isEqualTo(Scenario.QST);
        assertThat(issued.getString("client.name")).isEqualTo("Cabinet Gagnon inc.");
        assertThat(issued.getString("terms")).isEqualTo("NET_30");
        assertThat(issued.getString("dueDate")).isEqualTo(java.time.LocalDate.parse(issued.getString("issueDate")).plusDays(30).toString());

        // the next one of the same issuer takes the next number
        UUID second = s.fixedDraft(s.fixed("100.90"), "100.90");
        assertThat(s.issue(second).getString("number")).isEqualTo(Scenario.thisYear() + "-000002");

        // issued invoices are never edited
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"milestones\":[{\"description\":\"x\",\"amount\":\"1.00\"}]}")
                .put("/api/v1/invoices/" + draft).then().statusCode(409).body("code", equalTo("INVOICE_NOT_DRAFT"));
        given().auth().oauth2(s.secretaryToken).delete("/api/v1/invoices/" + draft).then().statusCode(409);
        given().auth().oauth2(s.secretaryToken).post("/api/v1/invoices/" + draft + "/issue")
                .then().statusCode(409).body("code", equalTo("INVOICE_NOT_DRAFT"));
        // and their time is not invoiced twice
        UUID engagement = UUID.fromString(issued.getString("engagementId"));
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).body("{\"engagementId\":\"" + engagement + "\"}")
                .post("/api/v1/invoices").then().statusCode(422).body("code", equalTo("NOTHING_TO_INVOICE"));
    }

    @Test
    void ontarioGetsHstAndASmallSupplierChargesNothing() {
        s.registeredSecretary().clientIn("ON");
        JsonPath on = s.issue(s.fixedDraft(s.fixed("100.00"), "100.00"));
        assertThat(on.getList("taxes.code")).containsExactly("HST");
        assertThat(on.getString("taxes[0].amount")).isEqualTo("13.00");
        assertThat(on.getString("total")).isEqualTo("113.00");

        Scenario small = Scenario.fresh().smallSupplierSecretary().clientIn("QC");
        JsonPath none = small.issue(small.fixedDraft(small.fixed("100.90"), "100.90"));
        assertThat(none.getList("taxes")).isEmpty();
        assertThat(none.getString("total")).isEqualTo("100.90");
        assertThat(none.getBoolean("supplier.registered")).isFalse();
    }

    @Test
    void issuingNeedsBothTaxProfiles() {
        double issued = ManagementPort.metric("pupitre_billing_actions_total", "action=INVOICE_ISSUED");
        UUID draft = s.fixedDraft(s.fixed("50.00"), "50.00");
        given().auth().oauth2(s.secretaryToken).post("/api/v1/invoices/" + draft + "/issue")
                .then().statusCode(409).body("code", equalTo("SUPPLIER_PROFILE_REQUIRED"));
        s.registeredSecretary();
        given().auth().oauth2(s.secretaryToken).post("/api/v1/invoices/" + draft + "/issue")
                .then().statusCode(409).body("code", equalTo("CLIENT_PROFILE_REQUIRED"));
        s.clientIn("QC");
        s.issue(draft);
        // operators count issued invoices; the two refusals are not among them
        assertThat(ManagementPort.metric("pupitre_billing_actions_total", "action=INVOICE_ISSUED")).isEqualTo(issued + 1);
        assertThat(ManagementPort.metric("pupitre_outbox_backlog")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void draftsAreEditableUntilIssued() {
        s.registeredSecretary().clientIn("QC");
        UUID draft = s.fixedDraft(s.fixed("1000.00"), "400.00");
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"milestones\":[{\"description\":\"Jalon 1\",\"amount\":\"400.00\"},{\"description\":\"Jalon 2\",\"amount\":\"75.00\"}]}")
                .put("/api/v1/invoices/" + draft).then().statusCode(200).body("subtotal", equalTo("475.00")).body("lines", hasSize(2));
        given().auth().oauth2(TestTokens.secretary(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"milestones\":[{\"description\":\"x\",\"amount\":\"1.00\"}]}")
                .put("/api/v1/invoices/" + draft).then().statusCode(404);
        given().auth().oauth2(s.clientToken).contentType(ContentType.JSON)
                .body("{\"milestones\":[{\"description\":\"x\",\"amount\":\"1.00\"}]}")
                .put("/api/v1/invoices/" + draft).then().spec(forbidden());
        assertThat(s.issue(draft).getString("total")).isEqualTo("546.13");
    }

    @Test
    void aClientNeverSeesAnotherClientsInvoicesNorASecretaryAnothersOwn() {
        s.registeredSecretary().clientIn("QC");
        UUID invoice = s.fixedDraft(s.fixed("200.00"), "200.00");
        s.issue(invoice);
        given().auth().oauth2(s.clientToken).get("/api/v1/invoices/" + invoice).then().statusCode(200);
        given().auth().oauth2(s.clientToken).get("/api/v1/invoices").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(invoice.toString()));
        String otherClient = TestTokens.client(UUID.randomUUID());
        given().auth().oauth2(otherClient).get("/api/v1/invoices/" + invoice).then().statusCode(404).body("code", equalTo("INVOICE_NOT_FOUND"));
        given().auth().oauth2(otherClient).accept("application/pdf").get("/api/v1/invoices/" + invoice).then().statusCode(404);
        given().auth().oauth2(otherClient).get("/api/v1/invoices").then().statusCode(200).body("", hasSize(0));
        String otherSecretary = TestTokens.secretary(UUID.randomUUID());
        given().auth().oauth2(otherSecretary).get("/api/v1/invoices/" + invoice).then().statusCode(404);
        given().auth().oauth2(otherSecretary).get("/api/v1/invoices").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(TestTokens.service("matching")).get("/api/v1/invoices/" + invoice).then().spec(forbidden());
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/invoices/" + invoice).then().statusCode(200);
    }

    @Test
    void thePdfShowsWhatRevenuQuebecRequiresInFrenchByDefault() throws IOException {
        s.registeredSecretary().clientIn("QC");
        JsonPath issued = s.issue(s.draftOf475());
        byte[] pdf = given().auth().oauth2(s.clientToken).accept("application/pdf").get("/api/v1/invoices/" + issued.getString("id"))
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = text(pdf);
        assertThat(text).contains("FACTURE", issued.getString("number"), "Marie Tremblay", "Cabinet Gagnon inc.",
                "No de TPS/TVH : " + Scenario.GST, "No de TVQ : " + Scenario.QST, "Date : " + issued.getString("issueDate"),
                "Transcription du procès-verbal", "net 30 jours", "Sous-total", "475,00 $",
                "TPS (5 %)", "23,75 $", "TVQ (9,975 %)", "47,38 $", "546,13 $", "heure de l'Est",
                "net 30 jours — échéance le " + issued.getString("dueDate"), "Solde dû", "Montants en dollars canadiens (CAD).");
    }

    @Test
    void thePdfSpeaksEnglishOnRequest() throws IOException {
        s.registeredSecretary().clientIn("QC");
        JsonPath issued = s.issue(s.draftOf475());
        String id = issued.getString("id");
        String byHeader = text(given().auth().oauth2(s.secretaryToken).accept("application/pdf").header("Accept-Language", "en-CA")
                .get("/api/v1/invoices/" + id).then().statusCode(200).header("Content-Language", "en-CA").extract().asByteArray());
        assertThat(byHeader).contains("INVOICE", issued.getString("number"), "GST/HST No.: " + Scenario.GST,
                "QST No.: " + Scenario.QST, "Subtotal", "$475.00", "GST (5%)", "$23.75", "QST (9.975%)", "$47.38", "$546.13",
                "net 30 days — due on " + issued.getString("dueDate"), "(Eastern time, America/Toronto)", "Balance due");
        String byParam = text(given().auth().oauth2(s.secretaryToken).accept("application/pdf").queryParam("lang", "en")
                .get("/api/v1/invoices/" + id).then().statusCode(200).extract().asByteArray());
        assertThat(byParam).contains("INVOICE", "$546.13");
    }

    @Test
    void deletingADraftReleasesItsTime() {
        UUID draft = s.draftOf475();
        String engagement = given().auth().oauth2(s.secretaryToken).get("/api/v1/invoices/" + draft).then().extract().path("engagementId");
        given().auth().oauth2(s.clientToken).delete("/api/v1/invoices/" + draft).then().spec(forbidden());
        given().auth().oauth2(s.secretaryToken).delete("/api/v1/invoices/" + draft).then().statusCode(204);
        given().auth().oauth2(s.secretaryToken).get("/api/v1/invoices/" + draft).then().statusCode(404);
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).body("{\"engagementId\":\"" + engagement + "\"}")
                .post("/api/v1/invoices").then().statusCode(201).body("subtotal", equalTo("475.00"));
    }

    @Test
    void aDraftHasNoPdf() {
        s.registeredSecretary().clientIn("QC");
        UUID draft = s.fixedDraft(s.fixed("10.00"), "10.00");
        given().auth().oauth2(s.secretaryToken).accept("application/pdf").get("/api/v1/invoices/" + draft)
                .then().statusCode(409).body("code", equalTo("INVOICE_NOT_ISSUED"));
    }

    @Test
    void creditNotesHaveTheirOwnNumbersAndTheOriginalSupplysTaxes() throws IOException {
        s.registeredSecretary().clientIn("QC");
        JsonPath invoice = s.issue(s.draftOf475());
        String id = invoice.getString("id");
        JsonPath note = given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"amount\":\"100.00\",\"reason\":\"Deux heures facturées en trop\"}")
                .post("/api/v1/invoices/" + id + "/credit-notes").then().statusCode(201).extract().jsonPath();
        assertThat(note.getString("kind")).isEqualTo("CREDIT_NOTE");
        assertThat(note.getString("number")).isEqualTo("NC-" + Scenario.thisYear() + "-000001");
        assertThat(note.getString("creditedInvoiceId")).isEqualTo(id);
        assertThat(note.getString("taxes[0].amount")).isEqualTo("5.00");
        assertThat(note.getString("taxes[1].amount")).isEqualTo("9.98");
        assertThat(note.getString("total")).isEqualTo("114.98");
        given().auth().oauth2(s.clientToken).get("/api/v1/invoices/" + id).then().statusCode(200)
                .body("state", equalTo("ISSUED")).body("creditedTotal", equalTo("114.98")).body("balance", equalTo("431.15"))
                .body("creditNotes[0].number", equalTo(note.getString("number")));
        String pdf = text(given().auth().oauth2(s.clientToken).accept("application/pdf").get("/api/v1/invoices/" + note.getString("id"))
                .then().statusCode(200).extract().asByteArray());
        assertThat(pdf).contains("NOTE DE CRÉDIT", note.getString("number"), invoice.getString("number"), "Deux heures facturées en trop",
                "No de TPS/TVH : " + Scenario.GST, "114,98 $");

        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).body("{\"amount\":\"375.01\",\"reason\":\"trop\"}")
                .post("/api/v1/invoices/" + id + "/credit-notes").then().statusCode(422).body("code", equalTo("CREDIT_EXCEEDS_INVOICE"));
        // crediting the rest takes exactly the remaining taxes and voids the unpaid invoice
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).body("{\"amount\":\"375.00\",\"reason\":\"Mandat annulé\"}")
                .post("/api/v1/invoices/" + id + "/credit-notes").then().statusCode(201)
                .body("number", equalTo("NC-" + Scenario.thisYear() + "-000002")).body("total", equalTo("431.15"));
        given().auth().oauth2(s.secretaryToken).get("/api/v1/invoices/" + id).then().statusCode(200)
                .body("state", equalTo("VOID")).body("balance", equalTo("0.00"));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
