package ca.pupitre.matching.service;

import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.matching.FakeServices;
import ca.pupitre.matching.Market;
import ca.pupitre.matching.MatchingTestProfile;
import ca.pupitre.matching.client.ListingsClient;
import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.domain.ListingCopy;
import ca.pupitre.matching.repository.FeedCursorRepository;
import ca.pupitre.matching.repository.ListingCopyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MatchingTestProfile.class)
class ListingFeedTest {

    @Inject
    ListingFeed feed;
    @Inject
    ListingsClient listingsClient;
    @Inject
    FeedCursorRepository cursors;
    @Inject
    ListingCopyRepository copies;
    @Inject
    MatchingConfig config;
    @Inject
    Clock clock;
    @ConfigProperty(name = FakeServices.URL_PROPERTY)
    String fakeUrl;

    FakeServices.Control fake;

    @BeforeEach
    void catchUp() {
        fake = new FakeServices.Control(fakeUrl);
        fake.listings("up");
        CircuitBreakerMaintenance.get().resetAll(); // a breaker an earlier test opened is closed again
        assertThat(feed.pollOnce().error()).isNull();
    }

    @AfterEach
    void listingsBackUp() {
        fake.listings("up");
    }

    @Test
    void appliesUpsertsUpdatesAndTombstonesInOrderAcrossPages() {
        Market a = Market.offer(UUID.randomUUID());
        Market b = Market.offer(UUID.randomUUID());
        Market c = Market.request(UUID.randomUUID());
        fake.publish(a.upsert());
        fake.publish(b.upsert());
        fake.publish(c.upsert());
        fake.publish(a.amount("41.50").upsert());
        fake.publish(b.tombstone("CLOSED"));

        ListingFeed.PollResult result = feed.pollOnce();

        assertThat(result.error()).isNull();
        assertThat(result.caughtUp()).isTrue();
        assertThat(result.applied()).isEqualTo(5);
        assertThat(copy(a.id).amount).isEqualByComparingTo(new BigDecimal("41.50"));
        assertThat(copy(a.id).status).isEqualTo("PUBLISHED");
        assertThat(copy(a.id).ownerId).isEqualTo(a.ownerId);
        assertThat(copy(b.id).status).isEqualTo("CLOSED");
        assertThat(copy(c.id).kind).isEqualTo("REQUEST");
        assertThat(copy(c.id).skills).containsExactly("layout");
    }

    @Test
    void aRestartedConsumerResumesFromTheStoredCursorWithoutLosingOrDoublingChanges() {
        Market a = Market.offer(UUID.randomUUID());
        fake.publish(a.upsert());
        assertThat(feed.pollOnce().applied()).isEqualTo(1);
        String cursorBefore = QuarkusTransaction.requiringNew().call(feed::storedCursor);

        Market b = Market.offer(UUID.randomUUID());
        fake.publish(b.upsert());
        fake.publish(a.amount("39.00").upsert());
        // a new consumer instance (as after a restart of matching) knows only what the database holds
        ListingFeed restarted = new ListingFeed(listingsClient, cursors, copies, config, clock,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        ListingFeed.PollResult result = restarted.pollOnce();

        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.ignored()).isZero();
        assertThat(copy(b.id)).isNotNull();
        assertThat(copy(a.id).amount).isEqualByComparingTo("39.00");
        assertThat(QuarkusTransaction.requiringNew().call(feed::storedCursor)).isNotEqualTo(cursorBefore);
    }

    @Test
    void aReplayedPageIsAppliedIdempotently() {
        Market a = Market.offer(UUID.randomUUID());
        String before = QuarkusTransaction.requiringNew().call(feed::storedCursor);
        fake.publish(a.upsert());
        fake.publish(a.amount("45.00").upsert());
        fake.publish(a.tombstone("HIDDEN"));
        feed.pollOnce();
        long rows = QuarkusTransaction.requiringNew().call(() -> copies.count());

        // as if matching crashed after applying but before the cursor was committed: the same changes come again
        QuarkusTransaction.requiringNew().run(() -> cursors.findById(ListingFeed.NAME).cursor = before);
        ListingFeed.PollResult replay = feed.pollOnce();

        assertThat(replay.applied()).isZero();
        assertThat(replay.ignored()).isEqualTo(3);
        assertThat(copy(a.id).status).isEqualTo("HIDDEN");
        assertThat(copy(a.id).amount).isEqualByComparingTo("45.00");
        assertThat(QuarkusTransaction.requiringNew().call(() -> copies.count())).isEqualTo(rows);
    }

    @Test
    void listingsDowntimeIsLoggedNotThrownAndCaughtUpAfterwards() throws InterruptedException {
        Market a = Market.offer(UUID.randomUUID());
        fake.listings("down");
        fake.publish(a.upsert());

        ListingFeed.PollResult down = feed.pollOnce();

        assertThat(down.error()).isNotNull();
        assertThat(copy(a.id)).isNull();
        fake.listings("up");
        // the breaker the failure may have opened lets a trial call through after its delay (300 ms in tests)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> feed.pollOnce().error() == null);
        assertThat(copy(a.id)).isNotNull();
    }

    @Test
    void aListingsServiceTooSlowToAnswerIsTreatedAsDown() {
        fake.listings("slow");
        long start = System.nanoTime();
        ListingFeed.PollResult result = feed.pollOnce();
        assertThat(result.error()).isNotNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
    }

    private ListingCopy copy(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> copies.findById(id));
    }
}
