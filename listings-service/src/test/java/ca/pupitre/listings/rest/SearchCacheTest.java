package ca.pupitre.listings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.ListingsTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Another instance's listing writes reach this instance's search at its next refresh (10 minutes in this
 * profile), this instance's own writes at once: its next search applies every change committed since.
 */
@QuarkusTest
@TestProfile(SearchCacheTest.CacheOn.class)
class SearchCacheTest {

    public static class CacheOn extends ListingsTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pupitre.listings.search-cache-ttl", "10M", "pupitre.listings.search-refresh", "10M");
        }
    }

    @Test
    void anotherInstancesWriteWaitsForTheRefreshOrThisInstancesNextWrite() throws Exception {
        String word = Api.word();
        Api.Person secretary = Api.secretary();
        String id = Api.publish(secretary, Api.body("Sténographie " + word, null, List.of("transcription"), Map.of()));
        given().queryParam("q", word).get("/api/v1/listings").then().statusCode(200).body("total", equalTo(1));

        // Hidden by "another instance": the row and its change-feed entry, as ListingChangeRepository writes them.
        SearchIndexTest.hideAsAnotherInstance(UUID.fromString(id));
        // Not seen before the refresh period: both the answer and the index are as they were.
        given().queryParam("q", word).get("/api/v1/listings").then().statusCode(200).body("total", equalTo(1));
        given().queryParam("q", word).queryParam("sort", "newest").get("/api/v1/listings").then().statusCode(200)
                .body("total", equalTo(1));

        // A write through this service: its next search applies every change committed since, its own and the other one.
        Api.publish(secretary, Api.body("Autre annonce " + Api.word(), null, List.of("layout"), Map.of()));
        given().queryParam("q", word).get("/api/v1/listings").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("q", word).queryParam("sort", "newest").get("/api/v1/listings").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
