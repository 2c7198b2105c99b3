package ca.pupitre.listings.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.listings.Api;
import ca.pupitre.listings.Api.Person;
import ca.pupitre.listings.ListingsTestProfile;
import ca.pupitre.listings.repository.ListingChangeRepository;
import ca.pupitre.listings.repository.ListingSearchRepository;
import ca.pupitre.listings.repository.ListingSearchRepository.TextKey;
import ca.pupitre.listings.repository.SearchMatch;
import ca.pupitre.testing.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The search index (service/SearchIndex) keeps the matches of texts already searched in memory: every
 * write must reach them, in the writer's instance at once and from other instances within the refresh
 * period, and a match re-read after a change must be exactly what a fresh load gives.
 */
@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class SearchIndexTest {

    @Inject
    ListingSearchRepository repository;

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

        String metrics = Api.anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("pupitre_search_index_matches [1-9]");
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
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> seen = ids(word);
        while (!seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = ids(word);
        }
        assertThat(seen).as("hidden by another instance, seen within the 1 s refresh").isEmpty();
    }

    @Test
    void aMatchReReadAfterAChangeIsExactlyWhatAFreshLoadGives() {
        String word = Api.word();
        String id = Api.publish(Api.secretary(), Api.body("Comparaison " + word + " mise en page", "Texte " + word,
                List.of("layout", "excel"), Map.of("region", "06", "languages", List.of("fr", "en"))));
        UUID uuid = UUID.fromString(id);
        String tsquery = repository.tsquery(word, List.of());
        String fuzzy = word.substring(0, word.length() - 1);
        for (TextKey key : List.of(TextKey.ALL, new TextKey(tsquery, null), new TextKey("", fuzzy), new TextKey(tsquery, fuzzy))) {
            SearchMatch loaded = repository.load(key).matches().stream().filter(m -> m.id().equals(uuid)).findFirst()
                    .orElseThrow(() -> new AssertionError("not loaded for " + key));
            ListingSearchRepository.Patch patch = repository.changesAfter(0, List.of(key), 1_000_000);
            assertThat(patch.changed()).contains(uuid);
            SearchMatch patched = patch.current().get(0).stream().filter(m -> m.id().equals(uuid)).findFirst()
                    .orElseThrow(() -> new AssertionError("not in the patch for " + key));
            assertThat(patched.score()).as("score for %s", key).isEqualTo(loaded.score());
            assertThat(patched).usingRecursiveComparison().as("match for %s", key).isEqualTo(loaded);
            if (!key.all()) {
                assertThat(loaded.score()).as("a text match scores").isPositive();
            }
        }
        // the other way round: a listing the key does not match is changed but not current
        ListingSearchRepository.Patch unrelated = repository.changesAfter(0, List.of(new TextKey(repository.tsquery(Api.word(),
                List.of()), null)), 1_000_000);
        assertThat(unrelated.changed()).contains(uuid);
        assertThat(unrelated.current().get(0)).noneMatch(m -> m.id().equals(uuid));
    }

    @Test
    void tooManyChangesAreReportedAsOverflow() {
        Api.publish(Api.secretary(), Api.body("Débordement " + Api.word(), null, List.of("word"), Map.of()));
        ListingSearchRepository.Patch patch = repository.changesAfter(0, List.of(TextKey.ALL), 1);
        assertThat(patch.overflow()).isTrue();
        assertThat(patch.seq()).isEqualTo(repository.highWater());
    }

    @Test
    void theSearchTableMirrorsExactlyThePublishedListings() throws Exception {
        Person secretary = Api.secretary();
        Api.createDraft(secretary, Api.body("Miroir " + Api.word(), null, List.of("word"), Map.of()));
        String hidden = Api.publish(secretary, Api.body("Miroir " + Api.word(), null, List.of("word"), Map.of()));
        Api.admin().as().body(Map.of("reason", "test")).post("/api/v1/listings/" + hidden + "/hide").then().statusCode(200);
        String edited = Api.publish(secretary, Api.body("Miroir " + Api.word(), null, List.of("word"), Map.of()));
        String etag = secretary.as().get("/api/v1/listings/" + edited).header("ETag");
        secretary.as().header("If-Match", etag).body(Api.body("Miroir modifié " + Api.word(), null, List.of("excel"),
                Map.of("region", "09"))).put("/api/v1/listings/" + edited).then().statusCode(200);
        try (Connection admin = TestDatabase.get().adminConnection();
                PreparedStatement differences = admin.prepareStatement("""
                        select count(*) from (
                          (select id, kind, published_at, expires_at, pricing_unit, pricing_amount, skills, languages, region, remote,
                                  search_document, search_trgm from listings.listing where status = 'PUBLISHED'
                           except all
                           select id, kind, published_at, expires_at, pricing_unit, pricing_amount, skills, languages, region, remote,
                                  search_document, search_trgm from listings.listing_search)
                          union all
                          (select id, kind, published_at, expires_at, pricing_unit, pricing_amount, skills, languages, region, remote,
                                  search_document, search_trgm from listings.listing_search
                           except all
                           select id, kind, published_at, expires_at, pricing_unit, pricing_amount, skills, languages, region, remote,
                                  search_document, search_trgm from listings.listing where status = 'PUBLISHED')) d""");
                java.sql.ResultSet rs = differences.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows differing between published listings and listing_search").isZero();
        }
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
