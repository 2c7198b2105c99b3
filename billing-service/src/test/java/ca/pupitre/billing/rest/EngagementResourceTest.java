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
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(BillingTestProfile.class)
class EngagementResourceTest {

    private final Scenario s = Scenario.fresh();

    private io.restassured.response.ValidatableResponse create(String token, UUID invitation) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"invitationId\":\"" + invitation + "\",\"pricing\":{\"type\":\"HOURLY\",\"rate\":\"45.00\"},\"terms\":\"NET_30\"}")
                .post("/api/v1/engagements").then();
    }

    @Test
    void startsFromAnAcceptedInvitationWithTheClientsOwnToken() {
        UUID invitation = s.acceptedInvitation();
        String id = create(s.clientToken, invitation).statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/engagements/"))
                .body("state", equalTo("ACTIVE")).body("clientId", equalTo(s.client.toString()))
                .body("secretaryId", equalTo(s.secretary.toString())).body("pricing.rate", equalTo("45.00"))
                .body("pricing.currency", equalTo("CAD")).body("terms", equalTo("NET_30"))
                .extract().path("id");
        // matching was asked with the client's own token, not billing's
        assertThat(Scenario.calls("GET", "/api/v1/invitations/" + invitation)).last()
                .extracting(Scenario.Call::authorization).isEqualTo("Bearer " + s.clientToken);
        given().auth().oauth2(s.secretaryToken).get("/api/v1/engagements/" + id).then().statusCode(200);
        given().auth().oauth2(s.secretaryToken).get("/api/v1/engagements").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
        create(s.clientToken, invitation).statusCode(409).body("code", equalTo("ENGAGEMENT_EXISTS"));
        // another client learns nothing about it: refused as not hers, not told it already has an engagement
        create(TestTokens.client(UUID.randomUUID()), invitation).statusCode(403).body("code", equalTo("INVITATION_NOT_YOURS"));
    }

    @Test
    void refusesAnotherClientsInvitation() {
        UUID invitation = UUID.randomUUID();
        Scenario.invitation(invitation, UUID.randomUUID(), s.secretary, "ACCEPTED");
        create(s.clientToken, invitation).statusCode(403).body("code", equalTo("INVITATION_NOT_YOURS"));
    }

    @Test
    void refusesWhenTheNamedSecretaryIsNotTheInvitations() {
        given().auth().oauth2(s.clientToken).contentType(ContentType.JSON)
                .body("{\"invitationId\":\"" + s.acceptedInvitation() + "\",\"secretaryId\":\"" + UUID.randomUUID()
                        + "\",\"pricing\":{\"type\":\"FIXED\",\"amount\":\"900.00\"},\"terms\":\"NET_15\"}")
                .post("/api/v1/engagements").then().statusCode(403).body("code", equalTo("INVITATION_NOT_YOURS"));
    }

    @Test
    void refusesAnInvitationNotYetAccepted() {
        UUID invitation = UUID.randomUUID();
        Scenario.invitation(invitation, s.client, s.secretary, "PENDING");
        create(s.clientToken, invitation).statusCode(409).body("code", equalTo("INVITATION_NOT_ACCEPTED"));
    }

    @Test
    void unknownInvitationIs404AndMatchingDownIs503() {
        create(s.clientToken, UUID.randomUUID()).statusCode(404).body("code", equalTo("INVITATION_NOT_FOUND"));
        UUID broken = UUID.randomUUID();
        Scenario.invitationStatus(broken, 500);
        create(s.clientToken, broken).statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("SERVICE_UNAVAILABLE"));
        UUID hidden = UUID.randomUUID();
        Scenario.invitationStatus(hidden, 403);
        create(s.clientToken, hidden).statusCode(403).body("code", equalTo("INVITATION_NOT_YOURS"));
    }

    @Test
    void aMatchingTooSlowToAnswerIs503() {
        UUID slow = s.acceptedInvitation();
        Scenario.invitationDelay(slow, 1500);
        long start = System.nanoTime();
        create(s.clientToken, slow).statusCode(503).body("code", equalTo("SERVICE_UNAVAILABLE"));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(4));
    }

    @Test
    void onlyAClientStartsAnEngagementAndPricingIsChecked() {
        create(s.secretaryToken, s.acceptedInvitation()).spec(forbidden());
        given().auth().oauth2(s.clientToken).contentType(ContentType.JSON)
                .body("{\"invitationId\":\"" + s.acceptedInvitation() + "\",\"pricing\":{\"type\":\"HOURLY\",\"rate\":45.5},\"terms\":\"NET_30\"}")
                .post("/api/v1/engagements").then().statusCode(400).body("code", equalTo("INVALID_VALUE"))
                .body("errors[0].field", equalTo("pricing.rate"));
        given().auth().oauth2(s.clientToken).contentType(ContentType.JSON)
                .body("{\"invitationId\":\"" + s.acceptedInvitation() + "\",\"pricing\":{\"type\":\"HOURLY\",\"rate\":\"45.555\"},\"terms\":\"NET_30\"}")
                .post("/api/v1/engagements").then().statusCode(422).body("code", equalTo("INVALID_AMOUNT_FIELD"));
        given().auth().oauth2(s.clientToken).contentType(ContentType.JSON)
                .body("{\"invitationId\":\"" + s.acceptedInvitation() + "\",\"pricing\":{\"type\":\"PER_UNIT\",\"rate\":\"2.00\"},\"terms\":\"NET_30\"}")
                .post("/api/v1/engagements").then().statusCode(422).body("code", equalTo("UNIT_REQUIRED"));
        given().auth().oauth2(s.clientToken).contentType(ContentType.JSON)
                .body("{\"invitationId\":\"" + s.acceptedInvitation() + "\",\"pricing\":{\"type\":\"HOURLY\",\"rate\":\"45.00\"},\"terms\":\"NET_60\"}")
                .post("/api/v1/engagements").then().statusCode(400).body("code", equalTo("INVALID_VALUE"));
    }

    @Test
    void strangersDoNotSeeTheEngagement() {
        UUID id = s.hourly("40.00");
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/v1/engagements/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.secretary(UUID.randomUUID())).get("/api/v1/engagements/" + id).then().statusCode(404);
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get("/api/v1/engagements/" + id).then().statusCode(200);
    }

    @Test
    void reviewEligibilityForMatchingAndTheClient() {
        UUID id = s.hourly("40.00");
        given().auth().oauth2(TestTokens.service("matching")).get("/api/v1/engagements/" + id + "/review-eligibility")
                .then().statusCode(200).body("engagementId", equalTo(id.toString())).body("clientId", equalTo(s.client.toString()))
                .body("secretaryId", equalTo(s.secretary.toString())).body("hasPaidInvoice", equalTo(false));
        given().auth().oauth2(s.clientToken).get("/api/v1/engagements/" + id + "/review-eligibility").then().statusCode(200);
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).get("/api/v1/engagements/" + id + "/review-eligibility")
                .then().statusCode(404);
        given().auth().oauth2(s.secretaryToken).get("/api/v1/engagements/" + id + "/review-eligibility").then().spec(forbidden());
        // only matching's SERVICE token reads it, not any service's
        given().auth().oauth2(TestTokens.service("listings")).get("/api/v1/engagements/" + id + "/review-eligibility")
                .then().statusCode(404);
    }

    @Test
    void timeIsApprovedWeeklyAndThenLocked() {
        UUID id = s.hourly("40.00");
        UUID entry = s.logTime(id, Scenario.MONDAY.plusDays(1), 90, "Courriels");
        s.logTime(id, Scenario.MONDAY.plusDays(7), 30, "Semaine suivante");
        given().auth().oauth2(s.clientToken).post("/api/v1/engagements/" + id + "/weeks/" + Scenario.MONDAY + "/approve")
                .then().statusCode(200).body("", hasSize(1)).body("[0].state", equalTo("APPROVED"));
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"date\":\"2026-11-24\",\"minutes\":120,\"description\":\"Courriels\"}")
                .put("/api/v1/time-entries/" + entry).then().statusCode(409).body("code", equalTo("TIME_ENTRY_LOCKED"));
        given().auth().oauth2(s.clientToken).get("/api/v1/engagements/" + id + "/time-entries?weekStart=" + Scenario.MONDAY.plusDays(7))
                .then().statusCode(200).body("", hasSize(1)).body("[0].state", equalTo("SUBMITTED"));
        given().auth().oauth2(s.clientToken).post("/api/v1/engagements/" + id + "/weeks/2026-11-24/approve")
                .then().statusCode(400).body("code", equalTo("WEEK_MUST_START_MONDAY"));
    }

    @Test
    void timeIsLoggedOnceWorkedNotAheadOfTodayInQuebec() {
        UUID id = s.hourly("40.00");
        java.time.LocalDate tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("America/Toronto")).plusDays(1);
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).header("Accept-Language", "en-CA")
                .body("{\"date\":\"" + tomorrow + "\",\"minutes\":600,\"description\":\"Pas encore\"}")
                .post("/api/v1/engagements/" + id + "/time-entries").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("TIME_ENTRY_IN_FUTURE"))
                .body("title", equalTo("Date in the future"));
        UUID entry = s.logTime(id, Scenario.MONDAY, 60, "Saisie");
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"date\":\"" + tomorrow + "\",\"minutes\":60,\"description\":\"Saisie\"}")
                .put("/api/v1/time-entries/" + entry).then().statusCode(422).body("code", equalTo("TIME_ENTRY_IN_FUTURE"));
        given().auth().oauth2(s.clientToken).get("/api/v1/engagements/" + id + "/time-entries")
                .then().statusCode(200).body("", hasSize(1)).body("[0].date", equalTo(Scenario.MONDAY.toString()));
    }

    @Test
    void disputesCarryACommentTrailAndACorrectionResubmits() {
        UUID id = s.hourly("40.00");
        UUID entry = s.logTime(id, Scenario.MONDAY, 600, "Saisie");
        given().auth().oauth2(s.clientToken).contentType(ContentType.JSON).body("{\"comment\":\"10 h, vraiment ?\"}")
                .post("/api/v1/engagements/" + id + "/weeks/" + Scenario.MONDAY + "/dispute")
                .then().statusCode(200).body("[0].state", equalTo("DISPUTED")).body("[0].comments[0].body", equalTo("10 h, vraiment ?"));
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON).body("{\"comment\":\"Erreur de saisie, corrigé.\"}")
                .post("/api/v1/time-entries/" + entry + "/comments").then().statusCode(200).body("comments", hasSize(2));
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"date\":\"" + Scenario.MONDAY + "\",\"minutes\":60,\"description\":\"Saisie\"}")
                .put("/api/v1/time-entries/" + entry).then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("minutes", equalTo(60)).body("comments", hasSize(2));
        given().auth().oauth2(TestTokens.client(UUID.randomUUID())).contentType(ContentType.JSON).body("{\"comment\":\"intrus\"}")
                .post("/api/v1/time-entries/" + entry + "/comments").then().statusCode(404);
    }

    @Test
    void anotherSecretaryCannotLogTimeAndAnEndedEngagementTakesNone() {
        UUID id = s.hourly("40.00");
        given().auth().oauth2(TestTokens.secretary(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"date\":\"2026-11-23\",\"minutes\":60,\"description\":\"x\"}")
                .post("/api/v1/engagements/" + id + "/time-entries").then().statusCode(404);
        given().auth().oauth2(s.clientToken).post("/api/v1/engagements/" + id + "/end").then().statusCode(200).body("state", equalTo("ENDED"));
        given().auth().oauth2(s.clientToken).post("/api/v1/engagements/" + id + "/end").then().statusCode(409);
        given().auth().oauth2(s.secretaryToken).contentType(ContentType.JSON)
                .body("{\"date\":\"2026-11-23\",\"minutes\":60,\"description\":\"x\"}")
                .post("/api/v1/engagements/" + id + "/time-entries").then().statusCode(409).body("code", equalTo("ENGAGEMENT_ENDED"));
    }
}
