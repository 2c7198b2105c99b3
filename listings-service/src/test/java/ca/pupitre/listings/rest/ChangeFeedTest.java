package ca.pupitre.listings.rest;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ListingsTestProfile.class)
class ChangeFeedTest {

    record Page(List<Map<String, Object>> items, String next) {
    }

    private static Page read(String since, int limit) {
        var request = Api.service("matching").queryParam("limit", limit);
        if (since != null) {
            request.queryParam("since", since);
        }
        JsonPath json = request.get("/api/v1/listings/changes").then().statusCode(200).extract().jsonPath();
        return new Page(json.getList("items"), json.getString("nextCursor"));
    }

    /** Reads everything after {@code since}; returns the items and the cursor at the end. */
    private static Page drain(String since) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = since;
        while (true) {
            Page page = read(cursor, 100);
            all.addAll(page.items());
            cursor = page.next();
            if (page.items().isEmpty()) {
                return new Page(all, cursor);
            }
        }
    }

    private static List<Long> seqs(List<Map<String, Object>> items) {
        return items.stream().map(i -> ((Number) i.get("seq")).longValue()).toList();
    }

    @Test
    void everyWriteAppearsInCommitOrderAsUpsertOrTombstone() {
        String start = drain(null).next();
        Person owner = Api.secretary();
        String id = Api.createDraft(owner, Api.EXAMPLE);
        owner.as().post("/api/v1/listings/" + id + "/publish").then().statusCode(200);
        String etag = owner.as().get("/api/v1/listings/" + id).header("ETag");
        owner.as().header("If-Match", etag).body(Api.body("Titre mis à jour", null, List.of("word"), Map.of()))
                .put("/api/v1/listings/" + id).then().statusCode(200);
        Api.admin().as().body(Map.of("reason", "vérification")).post("/api/v1/listings/" + id + "/hide").then().statusCode(200);
        Api.admin().as().post("/api/v1/listings/" + id + "/unhide").then().statusCode(200);
        owner.as().body(Map.of("reason", "FILLED")).post("/api/v1/listings/" + id + "/close").then().statusCode(200);

        List<Map<String, Object>> items = drain(start).items();
        assertThat(items).extracting(i -> i.get("id")).containsOnly(id);
        assertThat(items).extracting(i -> i.get("op"))
                .containsExactly("TOMBSTONE", "TOMBSTONE", "TOMBSTONE", "TOMBSTONE", "TOMBSTONE", "TOMBSTONE");
        assertThat(items).extracting(i -> i.get("status"))
                .containsExactly("DRAFT", "CLOSED", "CLOSED", "HIDDEN", "CLOSED", "CLOSED");
        assertThat(items).allSatisfy(i -> assertThat(i).doesNotContainKey("listing").containsKey("changedAt"));
        assertThat(seqs(items)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void upsertsCarryThePublicListingAndResumptionSeesEachChangeOnce() {
        String start = drain(null).next();
        Person owner = Api.client();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Api.publish(owner, Api.body("Flux " + i, null, List.of("invoicing"), Map.of("anonymous", true))));
        }
        List<Map<String, Object>> oneGo = drain(start).items();
        assertThat(oneGo).hasSize(6);
        Map<String, Object> upsert = oneGo.get(1);
        assertThat(upsert.get("op")).isEqualTo("UPSERT");
        assertThat(upsert.get("status")).isEqualTo("PUBLISHED");
        @SuppressWarnings("unchecked")
        Map<String, Object> listing = (Map<String, Object>) upsert.get("listing");
        assertThat(listing.get("id")).isEqualTo(ids.get(0));
        // Internal readers (matching) must know whose request it is, even an anonymous one; nothing owner-only leaks.
        assertThat(listing.get("ownerId")).isEqualTo(owner.id().toString());
        assertThat(listing).doesNotContainKeys("pendingQuestions", "hiddenReason");

        List<Map<String, Object>> paged = new ArrayList<>();
        String cursor = start;
        for (int i = 0; i < 10; i++) {
            Page page = read(cursor, 2);
            paged.addAll(page.items());
            cursor = page.next();
        }
        assertThat(seqs(paged)).isEqualTo(seqs(oneGo));
        assertThat(read(cursor, 2).items()).isEmpty();
        assertThat(read(cursor, 2).next()).isEqualTo(cursor);
    }

    @Test
    void aConsumerNeverMovesPastAChangeThatCommitsLater() throws Exception {
        Person owner = Api.secretary();
        String first = Api.createDraft(owner, Api.EXAMPLE);
        String second = Api.createDraft(owner, Api.EXAMPLE);
        String start = drain(null).next();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection t1 = TestDatabase.get().connectionAs("listings");
                Connection admin = TestDatabase.get().adminConnection()) {
            t1.setAutoCommit(false);
            try (Statement s = t1.createStatement()) {
                s.execute("set search_path = listings, public");
                s.execute("select pg_advisory_xact_lock(" + ListingChangeRepository.FEED_LOCK + ")");
            }
            long t1Seq;
            try (PreparedStatement insert = t1.prepareStatement("insert into listing_change (listing_id, op, status, changed_at)"
                    + " values (?, 'TOMBSTONE', 'DRAFT', now()) returning seq")) {
                insert.setObject(1, UUID.fromString(first));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    t1Seq = rs.getLong(1);
                }
            }
            // Meanwhile an API write starts and must wait for T1 before it can take a sequence value.
            Future<Integer> apiWrite = pool.submit(() ->
                    owner.as().post("/api/v1/listings/" + second + "/publish").statusCode());
            awaitAdvisoryWaiter(admin);

            assertThat(drain(start).items()).isEmpty();
            assertThat(apiWrite.isDone()).isFalse();

            t1.commit();
            assertThat(apiWrite.get(30, TimeUnit.SECONDS)).isEqualTo(200);

            List<Map<String, Object>> items = drain(start).items();
            assertThat(items).extracting(i -> i.get("id")).containsExactly(first, second);
            assertThat(seqs(items).get(0)).isEqualTo(t1Seq);
            assertThat(seqs(items)).isSorted();
            assertThat(items.get(1).get("op")).isEqualTo("UPSERT");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Polls (no sleep-and-hope) until some session waits on an advisory lock. */
    private static void awaitAdvisoryWaiter(Connection admin) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Statement s = admin.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("The API write never waited for the feed lock");
    }
}
