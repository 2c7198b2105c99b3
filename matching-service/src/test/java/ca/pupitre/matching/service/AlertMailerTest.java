package ca.pupitre.matching.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import ca.pupitre.matching.FakeServices;
import ca.pupitre.matching.Market;
import ca.pupitre.matching.MatchingTestProfile;
import ca.pupitre.matching.PersonTokens;
import ca.pupitre.testing.TestTokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MatchingTestProfile.class)
class AlertMailerTest {

    @Inject
    ListingFeed feed;
    @Inject
    AlertMailer mailer;
    @Inject
    MockMailbox mailbox;
    @ConfigProperty(name = FakeServices.URL_PROPERTY)
    String fakeUrl;

    FakeServices.Control fake;
    String skill;
    String word;

    @BeforeEach
    void setUp() {
        fake = new FakeServices.Control(fakeUrl);
        fake.listings("up");
        CircuitBreakerMaintenance.get().resetAll(); // a breaker an earlier test opened is closed again
        // a unique skill and title word keep other tests' listings out of these alerts
        skill = "skill-" + UUID.randomUUID().toString().substring(0, 8);
        word = "mot" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
    }

    private String createAlert(String token, String frequency, String language) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Mise en page", "q", "mise en page " + word,
                "skills", List.of(skill), "languages", List.of("fr"), "region", "06", "frequency", frequency));
        if (language != null) {
            body.put("language", language);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/alerts").then().statusCode(201).extract().path("id");
    }

    /** Mails to one address (the mock mailbox answers null for none). */
    private List<Mail> sent(String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        return mails == null ? List.of() : mails;
    }

    private void publish(Market... listings) {
        for (Market m : listings) {
            fake.publish(m.upsert());
        }
        assertThat(feed.pollOnce().error()).isNull();
    }

    private Market request(String title) {
        return Market.request(UUID.randomUUID()).skills(skill, "layout").title(title, null);
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void oneAddressGetsAtMostTwentyAlertEmailsADayWhateverTheAlertsPointingAtIt() {
        // The attack: alerts of many throwaway accounts aimed at one victim's inbox. Its 20 mails are already spent.
        UUID secretary = UUID.randomUUID();
        String email = "cap-" + secretary + "@example.ca";
        java.time.Instant now = java.time.Instant.now();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 20; i++) {
                em.createNativeQuery("insert into alert_mail_sent (recipient, sent_at) values (?1, ?2)")
                        .setParameter(1, email.toUpperCase()).setParameter(2, now.minus(java.time.Duration.ofHours(i + 1))).executeUpdate();
            }
        });
        createAlert(PersonTokens.person(secretary, "SECRETARY", email, "fr-CA"), "IMMEDIATE", null);
        Market matching = request("Mise en page de rapports " + word);
        publish(matching);

        assertThat(mailer.sendDue(now)).isZero();
        assertThat(sent(email)).isEmpty();
        // a day later the address may receive mail again, and the match waited for it
        assertThat(mailer.sendDue(now.plus(java.time.Duration.ofHours(25)))).isGreaterThanOrEqualTo(1);
        assertThat(sent(email)).hasSize(1);
        assertThat(sent(email).get(0).getText()).contains(matching.id.toString());
    }

    @Test
    void matchingRequestsAreMailedOnceInTheAlertsLanguageWithOneClickUnsubscribe() throws Exception {
        UUID secretary = UUID.randomUUID();
        String email = "s-" + secretary + "@example.ca";
        String token = PersonTokens.person(secretary, "SECRETARY", email, "fr-CA");
        createAlert(token, "IMMEDIATE", null);
        Market matching = request("Mise en page de rapports " + word);
        Market otherWords = request("Transcription d'entrevues");
        Market offer = Market.offer(UUID.randomUUID()).skills(skill).title("Mise en page " + word, null);
        Market otherRegion = request("Mise en page " + word);
        otherRegion.region = "15";
        otherRegion.remote = false;
        publish(matching, otherWords, offer, otherRegion);

        // two replicas running the job at the same moment: the alert's row lock lets one of them mail it
        ca.pupitre.testing.TwoInstances.runTogether(() -> mailer.sendDue());
        List<Mail> mails = sent(email);
        assertThat(mails).hasSize(1);
        Mail mail = mails.get(0);
        assertThat(mail.getTo()).containsExactly(email);
        assertThat(mail.getSubject()).isEqualTo("Pupitre : 1 nouvelle demande pour « Mise en page »");
        assertThat(mail.getText()).contains("Bonjour Marie Tremblay", "Mise en page de rapports " + word, matching.id.toString())
                .doesNotContain(otherWords.id.toString(), offer.id.toString(), otherRegion.id.toString());
        assertThat(mail.getHeaders().get("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String listUnsubscribe = mail.getHeaders().get("List-Unsubscribe").get(0);
        assertThat(listUnsubscribe).matches("<https://pupitre\\.test/api/v1/alerts/unsubscribe\\?token=[A-Za-z0-9_-]{43}>");
        assertThat(mail.getText()).contains(listUnsubscribe.substring(1, listUnsubscribe.length() - 1));

        // nothing new: nothing sent; the same listing changed again: still not sent twice
        mailer.sendDue();
        publish(matching.amount("42.00"));
        mailer.sendDue();
        assertThat(sent(email)).hasSize(1);

        // a second matching request: one more mail, with only the new one
        Market second = request("Mise en page de factures " + word);
        publish(second);
        mailer.sendDue();
        mails = sent(email);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getText()).contains(second.id.toString()).doesNotContain(matching.id.toString());
    }

    @Test
    void oneClickUnsubscribeStopsTheAlertInEnglishToo() {
        UUID client = UUID.randomUUID();
        String email = "c-" + client + "@example.ca";
        String token = PersonTokens.person(client, "CLIENT", email, "en-CA");
        createAlert(token, "IMMEDIATE", null);
        Market offer = Market.offer(UUID.randomUUID()).skills(skill).title("Mise en page", "Document layout " + word);
        offer.languages = List.of("fr", "en");
        publish(offer);
        mailer.sendDue();
        List<Mail> mails = sent(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Pupitre: 1 new offer for \u201cMise en page\u201d");
        assertThat(mails.get(0).getText()).contains("Hello", "Document layout " + word, "Unsubscribe");
        String header = mails.get(0).getHeaders().get("List-Unsubscribe").get(0);
        String unsubscribeToken = header.substring(header.indexOf("token=") + 6, header.length() - 1);

        given().queryParam("token", unsubscribeToken).get("/api/v1/alerts/unsubscribe")
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("Unsubscribe"));
        // as a mail client does it (RFC 8058): anonymous POST with the one-click form body
        given().queryParam("token", unsubscribeToken).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post("/api/v1/alerts/unsubscribe").then().statusCode(200).body(containsString("Unsubscribed"));
        given().auth().oauth2(token).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("token", unsubscribeToken).contentType(ContentType.URLENC).body("List-Unsubscribe=One-Click")
                .post("/api/v1/alerts/unsubscribe").then().statusCode(200);
        given().queryParam("token", unsubscribeToken).get("/api/v1/alerts/unsubscribe").then().statusCode(404);
        given().post("/api/v1/alerts/unsubscribe").then().statusCode(400);

        Market another = Market.offer(UUID.randomUUID()).skills(skill).title("Mise en page", "Layout " + word);
        publish(another);
        mailer.sendDue();
        assertThat(sent(email)).hasSize(1);
    }

    @Test
    void everyoneGetsOnlyTheirOwnAlertsAndAlertsWithoutAddressAreNotMailed() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstEmail = "a-" + first + "@example.ca";
        String secondEmail = "b-" + second + "@example.ca";
        createAlert(PersonTokens.person(first, "SECRETARY", firstEmail, "fr-CA"), "IMMEDIATE", "fr");
        createAlert(PersonTokens.person(second, "SECRETARY", secondEmail, "en-CA"), "IMMEDIATE", "en");
        createAlert(TestTokens.secretary(UUID.randomUUID()), "IMMEDIATE", "fr"); // no email claim: never mailed
        int before = mailbox.getTotalMessagesSent();
        publish(request("Mise en page " + word));
        mailer.sendDue();
        assertThat(sent(firstEmail)).hasSize(1).allSatisfy(m -> assertThat(m.getTo()).containsExactly(firstEmail));
        assertThat(sent(secondEmail)).hasSize(1).allSatisfy(m -> {
            assertThat(m.getTo()).containsExactly(secondEmail);
            assertThat(m.getSubject()).startsWith("Pupitre: 1 new request");
        });
        assertThat(mailbox.getTotalMessagesSent() - before).isEqualTo(2);
        // each mail's unsubscribe link is its own alert's
        assertThat(sent(firstEmail).get(0).getHeaders().get("List-Unsubscribe"))
                .isNotEqualTo(sent(secondEmail).get(0).getHeaders().get("List-Unsubscribe"));
    }

    @Test
    void dailyDigestsGoOutOnceADayFromTheDigestHour() {
        UUID client = UUID.randomUUID();
        String email = "d-" + client + "@example.ca";
        createAlert(PersonTokens.person(client, "CLIENT", email, "fr-CA"), "DAILY", null);
        Market first = Market.offer(UUID.randomUUID()).skills(skill).title("Mise en page " + word, null);
        Market second = Market.offer(UUID.randomUUID()).skills(skill).title("Mise en page " + word + " et tableaux", null);
        publish(first, second);
        mailer.sendDue();
        assertThat(sent(email)).isEmpty();

        ZoneId toronto = ZoneId.of("America/Toronto");
        // the first digest hour (07:00 in Toronto by default) after the alert was created
        Instant nextSlot = LocalDate.now(toronto).atTime(7, 0).atZone(toronto).toInstant();
        if (!nextSlot.isAfter(Instant.now())) {
            nextSlot = LocalDate.now(toronto).plusDays(1).atTime(7, 0).atZone(toronto).toInstant();
        }
        Instant tomorrowSix = nextSlot.minusSeconds(3600);
        Instant tomorrowEight = nextSlot.plusSeconds(3600);
        mailer.sendDue(tomorrowSix);
        assertThat(sent(email)).isEmpty();
        mailer.sendDue(tomorrowEight);
        assertThat(sent(email)).hasSize(1);
        assertThat(sent(email).get(0).getSubject()).isEqualTo("Pupitre : 2 nouvelles offres pour « Mise en page »");
        Market third = Market.offer(UUID.randomUUID()).skills(skill).title("Mise en page " + word, null);
        publish(third);
        mailer.sendDue(tomorrowEight.plusSeconds(3600));
        assertThat(sent(email)).hasSize(1);
        mailer.sendDue(tomorrowEight.plusSeconds(86_400));
        assertThat(sent(email)).hasSize(2);
    }
}
