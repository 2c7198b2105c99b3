package ca.pupitre.listings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The search cache serves repeated searches, and a listing write empties it once committed. */
@QuarkusTest
@TestProfile(SearchCacheTest.CacheOn.class)
class SearchCacheTest {

    public static class CacheOn extends ListingsTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pupitre.listings.search-cache-ttl", "10M");
        }
    }

    @Test
    void repeatsAreServedFromTheCacheUntilAListingChanges() throws Exception {
        String word = Api.word();
        Api.Person secretary = Api.secretary();
        String id = Api.publish(secretary, Api.body("Sténographie " + word, null, List.of("transcription"), Map.of()));
        given().queryParam("q", word).get("/api/v1/listings").then().statusCode(200).body("total", equalTo(1));

        // Changed behind the service's back (no listing write through it): the cached answer stays.
        try (Connection admin = TestDatabase.get().adminConnection();
                PreparedStatement hide = admin.prepareStatement("update listings.listing set status = 'HIDDEN' where id = ?")) {
            hide.setObject(1, UUID.fromString(id));
            hide.executeUpdate();
        }
        given().queryParam("q", word).get("/api/v1/listings").then().statusCode(200).body("total", equalTo(1));

        // Any write through the service empties the cache once committed: the truth shows again.
        Api.publish(secretary, Api.body("Autre annonce " + Api.word(), null, List.of("layout"), Map.of()));
        given().queryParam("q", word).get("/api/v1/listings").then().statusCode(200).body("total", equalTo(0));
    }
}
