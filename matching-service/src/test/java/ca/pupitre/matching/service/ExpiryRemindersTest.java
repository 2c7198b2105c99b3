package ca.pupitre.matching.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.matching.FakeServices;
import ca.pupitre.matching.Market;
import ca.pupitre.matching.MatchingTestProfile;
import ca.pupitre.matching.PersonTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MatchingTestProfile.class)
class ExpiryRemindersTest {

    @Inject
    ListingFeed feed;
    @Inject
    ExpiryReminders reminders;
    @Inject
    MockMailbox mailbox;
    @ConfigProperty(name = FakeServices.URL_PROPERTY)
    String fakeUrl;

    private List<Mail> sent(String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        return mails == null ? List.of() : mails;
    }

    @Test
    void ownersWithAnAddressAreRemindedOnceFiveDaysBeforeExpiry() throws Exception {
        FakeServices.Control fake = new FakeServices.Control(fakeUrl);
        fake.listings("up");
        CircuitBreakerMaintenance.get().resetAll(); // a breaker an earlier test opened is closed again
        UUID secretary = UUID.randomUUID();
        String email = "r-" + secretary + "@example.ca";
        given().auth().oauth2(PersonTokens.person(secretary, "SECRETARY", email, "en-CA")).contentType(ContentType.JSON)
                .body(Map.of("name", "Anything", "frequency", "DAILY")).post("/api/v1/alerts").then().statusCode(201);
        Market soon = Market.offer(secretary).title("Mise en page", "Document layout");
        soon.expiresIn = Duration.ofDays(4);
        Market later = Market.offer(secretary);
        later.expiresIn = Duration.ofDays(10);
        Market noAddress = Market.offer(UUID.randomUUID());
        noAddress.expiresIn = Duration.ofDays(3);
        for (Market m : List.of(soon, later, noAddress)) {
            fake.publish(m.upsert());
        }
        assertThat(feed.pollOnce().error()).isNull();

        int before = mailbox.getTotalMessagesSent();
        // two replicas running the job at the same moment: one reminder, not two
        List<Integer> counts = ca.pupitre.testing.TwoInstances.runTogether(() -> reminders.sendDue());
        assertThat(counts.get(0) + counts.get(1)).isEqualTo(1);
        assertThat(sent(email)).hasSize(1);
        assertThat(mailbox.getTotalMessagesSent() - before).isEqualTo(1);
        Mail mail = sent(email).get(0);
        assertThat(mail.getSubject()).startsWith("Pupitre: your listing \u201cDocument layout\u201d expires on ");
        assertThat(mail.getText()).contains("https://pupitre.test/api/v1/listings/" + soon.id + "/renew")
                .doesNotContain(later.id.toString());
        assertThat(mail.getHeaders().get("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        reminders.sendDue();
        assertThat(sent(email)).hasSize(1);

        // unsubscribed from reminders: a renewed listing (new expiry) is not reminded
        String header = mail.getHeaders().get("List-Unsubscribe").get(0);
        String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);
        given().queryParam("token", token).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post("/api/v1/alerts/unsubscribe").then().statusCode(200);
        soon.expiresIn = Duration.ofDays(4).plusHours(12);
        fake.publish(soon.upsert());
        assertThat(feed.pollOnce().error()).isNull();
        reminders.sendDue();
        assertThat(sent(email)).hasSize(1);
    }
}
