package ca.pupitre.billing.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.billing.Scenario;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BillingTestProfile.class)
class OverdueRemindersTest {

    @Inject
    OverdueReminders reminders;

    @Inject
    MockMailbox mailbox;

    @Test
    void remindsTheClientOnceAtDuePlusOneAndOnceAtDuePlusFifteenInBothLanguages() throws Exception {
        Scenario s = Scenario.fresh().registeredSecretary();
        String email = "compta-" + UUID.randomUUID() + "@example.ca";
        s.clientIn("QC", email);
        JsonPath invoice = s.issue(s.draftOf475());
        LocalDate due = LocalDate.parse(invoice.getString("dueDate"));

        reminders.sendDue(due);
        assertThat(mails(email)).isEmpty();
        // two replicas running the daily job at the same moment: one reminder, not two
        ca.pupitre.testing.TwoInstances.runTogether(() -> reminders.sendDue(due.plusDays(1)));
        reminders.sendDue(due.plusDays(2));
        List<Mail> first = mails(email);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getSubject()).contains("Rappel", "Reminder", invoice.getString("number"));
        assertThat(first.get(0).getText()).contains("546,13 $", "$546.13", "Marie Tremblay", "Virement Interac : marie@example.ca",
                "Payment instructions");

        reminders.sendDue(due.plusDays(15));
        reminders.sendDue(due.plusDays(16));
        assertThat(mails(email)).hasSize(2);
    }

    @Test
    void aPaidInvoiceGetsNoReminder() {
        Scenario s = Scenario.fresh().registeredSecretary();
        String email = "paye-" + UUID.randomUUID() + "@example.ca";
        s.clientIn("QC", email);
        JsonPath invoice = s.issue(s.fixedDraft(s.fixed("10.00"), "10.00"));
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"amount\":\"" + invoice.getString("total") + "\",\"method\":\"CHEQUE\",\"receivedOn\":\"2026-11-27\"}")
                .post("/api/v1/invoices/" + invoice.getString("id") + "/payments").then().statusCode(201);
        reminders.sendDue(LocalDate.parse(invoice.getString("dueDate")).plusDays(20));
        assertThat(mails(email)).isEmpty();
    }

    @Test
    void remindersGoOnlyToAnAddressTheGatewayVerifiedNeverToOneMerelyTyped() {
        Scenario s = Scenario.fresh().registeredSecretary();
        String stranger = "victime-" + UUID.randomUUID() + "@example.ca";
        String own = "cliente-" + UUID.randomUUID() + "@example.ca";
        // the client types a stranger's address; her token carries her own verified address
        given().auth().oauth2(ca.pupitre.testing.TestTokens.person(s.client, "CLIENT", own, "Josée Gagnon", "fr-CA"))
                .contentType(ContentType.JSON)
                .body("{\"legalName\":\"Cabinet Gagnon inc.\",\"address\":\"400, boul. Laurier, Québec\",\"province\":\"QC\","
                        + "\"email\":\"" + stranger + "\"}")
                .put("/api/v1/billing/profile").then().statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(stranger)).body("reminderEmail", org.hamcrest.Matchers.equalTo(own));
        JsonPath invoice = s.issue(s.draftOf475());
        reminders.sendDue(LocalDate.parse(invoice.getString("dueDate")).plusDays(1));
        assertThat(mails(stranger)).isEmpty();
        assertThat(mails(own)).hasSize(1);

        // a token without a verified address: no reminder address at all
        Scenario unverified = Scenario.fresh().registeredSecretary();
        String typed = "tapee-" + UUID.randomUUID() + "@example.ca";
        given().auth().oauth2(ca.pupitre.testing.TestTokens.unverified(unverified.client, "CLIENT")).contentType(ContentType.JSON)
                .body("{\"legalName\":\"Clinique Roy\",\"address\":\"1, rue King, Sherbrooke\",\"province\":\"QC\","
                        + "\"email\":\"" + typed + "\"}")
                .put("/api/v1/billing/profile").then().statusCode(200).body("reminderEmail", org.hamcrest.Matchers.nullValue());
        JsonPath other = unverified.issue(unverified.draftOf475());
        reminders.sendDue(LocalDate.parse(other.getString("dueDate")).plusDays(1));
        assertThat(mails(typed)).isEmpty();
    }

    private List<Mail> mails(String to) {
        List<Mail> sent = mailbox.getMailsSentTo(to);
        return sent == null ? List.of() : sent;
    }
}
