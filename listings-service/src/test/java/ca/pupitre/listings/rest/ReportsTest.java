package ca.pupitre.listings.rest;

import static ca.pupitre.testing.ProblemAnswers.forbidden;
import static ca.pupitre.testing.ProblemAnswers.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class ReportsTest {

    private static void report(Person who, String id, String reason, int status) {
        who.as().body(Map.of("reason", reason, "comment", "vu sur le site")).post("/api/v1/listings/" + id + "/reports")
                .then().statusCode(status);
    }

    @Test
    void throwawayAccountsCannotHideAListing() {
        // The attack: three fresh accounts (registration is free) report a competitor's listing.
        Person owner = Api.secretary();
        String id = Api.publish(owner, Api.EXAMPLE);
        report(Api.client(), id, "SPAM", 201); // no account_created claim: unknown age
        report(Api.aged("CLIENT", java.time.Duration.ofDays(6)), id, "SCAM", 201);
        report(Api.aged("SECRETARY", java.time.Duration.ofHours(1)), id, "MISCATEGORIZED", 201);
        report(Api.aged("CLIENT", java.time.Duration.ofMinutes(5)), id, "SPAM", 201);
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200);
        // the reports are kept: two established accounts then complete the three that hide it
        report(Api.established("CLIENT"), id, "SPAM", 201);
        report(Api.established("CLIENT"), id, "SCAM", 201);
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200);
        report(Api.aged("SECRETARY", java.time.Duration.ofDays(7).plusMinutes(1)), id, "SPAM", 201);
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(404);
    }

    @Test
    void moderatorsSeeReportedListingsMostReportedFirstAndUnhidingSettlesThem() {
        Person owner = Api.secretary();
        String twice = Api.publish(owner, Api.EXAMPLE);
        String once = Api.publish(owner, Api.EXAMPLE);
        String question = Api.publish(owner, Api.EXAMPLE);
        report(Api.established("CLIENT"), twice, "SCAM", 201);
        report(Api.established("SECRETARY"), twice, "SPAM", 201);
        report(Api.established("CLIENT"), once, "MISCATEGORIZED", 201);
        report(Api.established("CLIENT"), question, "NO_LONGER_RELEVANT", 201);
        io.restassured.path.json.JsonPath queue = Api.admin().as().get("/api/v1/listings/reported").then().statusCode(200)
                .extract().jsonPath();
        List<String> ids = queue.getList("listing.id");
        assertThat(ids).contains(twice, once).doesNotContain(question); // a question goes to the owner, not moderators
        assertThat(ids.indexOf(twice)).isLessThan(ids.indexOf(once));
        int at = ids.indexOf(twice);
        assertThat(queue.getInt("[" + at + "].openReports")).isEqualTo(2);
        assertThat(queue.getList("[" + at + "].reports.reason", String.class)).containsExactly("SCAM", "SPAM");
        assertThat(queue.getString("[" + at + "].reports[0].comment")).isEqualTo("vu sur le site");
        assertThat(queue.getString("[" + at + "]")).doesNotContain("reporter");
        // the decision: hidden stays in the queue (hidden), unhidden leaves it
        Api.admin().as().body(Map.of("reason", "Arnaque confirmée")).post("/api/v1/listings/" + twice + "/hide")
                .then().statusCode(200);
        Api.admin().as().post("/api/v1/listings/" + once + "/unhide").then().statusCode(409);
        Api.admin().as().body(Map.of("reason", "vérification")).post("/api/v1/listings/" + once + "/hide").then().statusCode(200);
        Api.admin().as().post("/api/v1/listings/" + once + "/unhide").then().statusCode(200);
        List<String> after = Api.admin().as().get("/api/v1/listings/reported").then().statusCode(200).extract().jsonPath()
                .getList("listing.id");
        assertThat(after).contains(twice).doesNotContain(once);
        // nobody else reads the queue
        Api.client().as().get("/api/v1/listings/reported").then().spec(forbidden());
        owner.as().get("/api/v1/listings/reported").then().spec(forbidden());
        Api.anonymous().get("/api/v1/listings/reported").then().spec(unauthorized());
    }

    @Test
    void oneAccountFilesAtMostTwentyReportsADay() {
        Person reporter = Api.established("CLIENT");
        Person owner = Api.secretary();
        for (int i = 0; i < 20; i++) {
            report(reporter, Api.publish(owner, Api.EXAMPLE), "NO_LONGER_RELEVANT", 201);
        }
        reporter.as().header("Accept-Language", "en-CA").body(Map.of("reason", "SPAM"))
                .post("/api/v1/listings/" + Api.publish(owner, Api.EXAMPLE) + "/reports").then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("REPORT_LIMIT_REACHED"))
                .body("detail", equalTo("An account may file at most 20 reports in 24 hours."));
    }

    @Test
    void threeDistinctReportsHideTheListing() {
        Person owner = Api.secretary();
        String id = Api.publish(owner, Api.EXAMPLE);
        Person first = Api.established("CLIENT");
        report(first, id, "SPAM", 201);
        report(first, id, "SCAM", 409);
        report(Api.established("SECRETARY"), id, "MISCATEGORIZED", 201);
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200);
        report(Api.established("CLIENT"), id, "SCAM", 201);
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(404);
        owner.as().get("/api/v1/listings/" + id).then().statusCode(200)
                .body("status", equalTo("HIDDEN")).body("hiddenReason", equalTo("REPORTS"));
        JsonPath history = owner.as().get("/api/v1/listings/" + id + "/history").jsonPath();
        assertThat(history.getString("[2].actor")).isEqualTo("system");
        assertThat(history.getString("[2].to")).isEqualTo("HIDDEN");

        Api.admin().as().post("/api/v1/listings/" + id + "/unhide").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        // an admin's unhide settles the reports so far: one more report does not hide it again at once
        report(Api.client(), id, "SPAM", 201);
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200);
    }

    @Test
    void noLongerRelevantAsksTheOwnerInsteadOfHiding() {
        Person owner = Api.client();
        String id = Api.publish(owner, Api.body("Demande ancienne", null, java.util.List.of("calendar"), Map.of()));
        for (int i = 0; i < 4; i++) {
            report(Api.secretary(), id, "NO_LONGER_RELEVANT", 201);
        }
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200).body("pendingQuestions", equalTo(null));
        owner.as().get("/api/v1/listings/" + id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("pendingQuestions.size()", equalTo(4))
                .body("pendingQuestions[0].reason", equalTo("NO_LONGER_RELEVANT"))
                .body("pendingQuestions[0].comment", equalTo("vu sur le site"));
        owner.as().post("/api/v1/listings/" + id + "/renew").then().statusCode(200).body("pendingQuestions.size()", equalTo(0));
    }
}
