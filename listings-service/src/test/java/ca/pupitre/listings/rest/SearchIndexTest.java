package ca.pupitre.listings.rest;

import ca.pupitre.testing.ManagementPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.listings.repository.ListingChangeRepository;
import ca.pupitre.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Lucene index (search/ListingIndex) is a projection of the published listings kept exact by the change
 * feed: every write must reach it, in the writer's instance at once and from other instances within the
 * refresh period, however many changes come at once.
 */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class SearchIndexTest {

    private static JsonPath search(Map<String, ?> params) {
        return Api.anonymous().queryParams(params).get("/api/v1/listings").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(String q) {
        return search(Map.of("q", q, "limit", 100)).getList("items.id");
    }

    @Test
    void aTextAlreadySearchedFollowsEveryWriteOfThisInstance() {
        String a = Api.word();
        String b = Api.word();
        Person secretary = Api.secretary();
        String first = Api.publish(secretary, Api.body("Saisie " + a, null, List.of("word"), Map.of("region", "06")));
        // both texts are now held by the index: "a" with one match, "b" with none
        assertThat(ids(a)).containsExactly(first);
        assertThat(ids(b)).isEmpty();

        String draft = Api.createDraft(secretary, Api.body("Saisie " + a, null, List.of("excel"), Map.of()));
        assertThat(ids(a)).containsExactly(first);
        secretary.as().post("/api/v1/listings/" + draft + "/publish").then().statusCode(200);
        assertThat(ids(a)).containsExactlyInAnyOrder(first, draft);
        JsonPath page = search(Map.of("q", a));
        assertThat(page.getLong("total")).isEqualTo(2);
        assertThat(page.getMap("facets.skills")).containsEntry("word", 1).containsEntry("excel", 1);
        assertThat(page.getMap("facets.regions")).containsEntry("06", 1);

        // the first listing now says "b": it leaves "a" and joins "b", with its new fields
        String etag = secretary.as().get("/api/v1/listings/" + first).header("ETag");
        secretary.as().header("If-Match", etag)
                .body(Api.body("Saisie " + b, null, List.of("word"), Map.of("region", "03")))
                .put("/api/v1/listings/" + first).then().statusCode(200);
        assertThat(ids(a)).containsExactly(draft);
        assertThat(ids(b)).containsExactly(first);
        assertThat(search(Map.of("q", b, "region", "03")).getLong("total")).isEqualTo(1);
        assertThat(search(Map.of("q", b, "region", "06")).getLong("total")).isZero();

        Api.admin().as().body(Map.of("reason", "test")).post("/api/v1/listings/" + first + "/hide").then().statusCode(200);
        assertThat(ids(b)).isEmpty();
        secretary.as().body(Map.of("reason", "FILLED")).post("/api/v1/listings/" + draft + "/close").then().statusCode(200);
        assertThat(ids(a)).isEmpty();

        String metrics = ManagementPort.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("pupitre_search_index_documents [1-9]");
    }

    @Test
    void searchesWithoutTextFollowWritesToo() {
        // an amount no other test uses isolates these listings among all published ones
        String amount = (10_000 + Math.floorMod(Api.word().hashCode(), 89_000)) + ".37";
        Map<String, Object> filter = Map.of("minRate", amount, "maxRate", amount, "sort", "newest");
        Person secretary = Api.secretary();
        Map<String, Object> pricing = Map.of("pricing", Map.of("unit", "FIXED", "amount", amount));
        assertThat(search(filter).getLong("total")).isZero();
        String one = Api.publish(secretary, Api.body("Sans texte " + Api.word(), null, List.of("word"), pricing));
        String two = Api.publish(secretary, Api.body("Sans texte " + Api.word(), null, List.of("word"), pricing));
        assertThat(search(filter).getList("items.id")).containsExactly(two, one);
        secretary.as().body(Map.of("reason", "WITHDRAWN")).post("/api/v1/listings/" + two + "/close").then().statusCode(200);
        assertThat(search(filter).getList("items.id")).containsExactly(one);
    }

    @Test
    void anotherInstancesWriteShowsWithinTheRefreshPeriod() throws Exception {
        String word = Api.word();
        String id = Api.publish(Api.secretary(), Api.body("Autre instance " + word, null, List.of("word"), Map.of()));
        assertThat(ids(word)).containsExactly(id);
        hideAsAnotherInstance(UUID.fromString(id));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(ids(word)).as("hidden by another instance, seen within the 1 s refresh").isEmpty());
    }

    @Test
    void changesBeyondOneReadOfTheFeedAreAllApplied() throws Exception {
        String word = Api.word();
        String id = Api.publish(Api.secretary(), Api.body("Lot de changements " + word, null, List.of("word"), Map.of()));
        assertThat(ids(word)).containsExactly(id);
        // another instance's burst: 1,500 changes of other listings, then the hide of this one
        try (Connection admin = TestDatabase.get().adminConnection();
                PreparedStatement burst = admin.prepareStatement("insert into listings.listing_change"
                        + " (listing_id, op, status, changed_at) select gen_random_uuid(), 'TOMBSTONE', 'CLOSED', now()"
                        + " from generate_series(1, 1500)")) {
            burst.executeUpdate();
        }
        hideAsAnotherInstance(UUID.fromString(id));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(ids(word)).as("the hide that came after 1,500 other changes").isEmpty());
    }

    /** What another instance's ListingService writes when an admin hides a listing: the row and its change. */
    static void hideAsAnotherInstance(UUID id) throws Exception {
        try (Connection admin = TestDatabase.get().adminConnection()) {
            admin.setAutoCommit(false);
            try (PreparedStatement hide = admin.prepareStatement("update listings.listing set status = 'HIDDEN' where id = ?");
                    PreparedStatement lock = admin.prepareStatement("select pg_advisory_xact_lock(?)");
                    PreparedStatement change = admin.prepareStatement("insert into listings.listing_change"
                            + " (listing_id, op, status, changed_at) values (?, 'TOMBSTONE', 'HIDDEN', now())")) {
                hide.setObject(1, id);
                hide.executeUpdate();
                lock.setLong(1, ListingChangeRepository.FEED_LOCK);
                lock.execute();
                change.setObject(1, id);
                change.executeUpdate();
            }
            admin.commit();
        }
    }
}
