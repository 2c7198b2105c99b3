package ca.pupitre.listings.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
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
    void threeDistinctReportsHideTheListing() {
        Person owner = Api.secretary();
        String id = Api.publish(owner, Api.EXAMPLE);
        Person first = Api.client();
        report(first, id, "SPAM", 201);
        report(first, id, "SCAM", 409);
        report(Api.secretary(), id, "MISCATEGORIZED", 201);
        Api.anonymous().get("/api/v1/listings/" + id).then().statusCode(200);
        report(Api.client(), id, "SCAM", 201);
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
