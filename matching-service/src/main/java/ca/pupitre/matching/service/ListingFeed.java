package ca.pupitre.matching.service;

import ca.pupitre.matching.client.FeedChange;
import ca.pupitre.matching.client.FeedPage;
import ca.pupitre.matching.client.ListingDto;
import ca.pupitre.matching.client.ListingsClient;
import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.domain.FeedCursor;
import ca.pupitre.matching.domain.ListingCopy;
import ca.pupitre.matching.repository.FeedCursorRepository;
import ca.pupitre.matching.repository.ListingCopyRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Keeps matching's copy of the listings up to date from the listings change feed. Delivery is at least once:
 * a page's changes and the cursor after it commit in one transaction, so a crash replays at most that page,
 * and every change older than what a row already holds ({@code seq <= lastSeq}) is ignored. Nothing here
 * throws when listings is down: the copy keeps serving and the next poll catches up.
 */
@ApplicationScoped
public class ListingFeed {

    /** The feed's row in {@code feed_cursor}. */
    public static final String NAME = "listings";

    private static final Logger LOG = Logger.getLogger(ListingFeed.class);

    /** What one poll did. {@code error} is the reason listings could not be read, null when it could. */
    public record PollResult(int applied, int ignored, int pages, boolean caughtUp, String error) {
    }

    private final ListingsClient listings;
    private final FeedCursorRepository cursors;
    private final ListingCopyRepository copies;
    private final MatchingConfig config;
    private final Clock clock;
    private final ReentrantLock polling = new ReentrantLock();
    /** When this instance last read the feed to its end (null: not yet since it started). */
    private volatile Instant caughtUpAt;

    public ListingFeed(ListingsClient listings, FeedCursorRepository cursors, ListingCopyRepository copies,
            MatchingConfig config, Clock clock, MeterRegistry registry) {
        this.listings = listings;
        this.cursors = cursors;
        this.copies = copies;
        this.config = config;
        this.clock = clock;
        Gauge.builder("pupitre.matching.feed.lag", this, ListingFeed::lagSeconds).baseUnit("seconds")
                .description("How long ago matching's copy of the listings was last caught up with their change feed")
                .register(registry);
    }

    /** Seconds since the feed was last read to its end; NaN before the first time. */
    double lagSeconds() {
        Instant at = caughtUpAt;
        return at == null ? Double.NaN : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }

    /** Applies every available page (up to the per-poll maximum), resuming from the stored cursor. */
    public PollResult pollOnce() {
        if (!polling.tryLock()) {
            return new PollResult(0, 0, 0, false, "already polling");
        }
        try {
            int applied = 0;
            int ignored = 0;
            int pages = 0;
            while (pages < config.feed().maxPagesPerPoll()) {
                String cursor = QuarkusTransaction.requiringNew().call(this::storedCursor);
                FeedPage page;
                try {
                    page = listings.changes(cursor, config.feed().pageSize());
                } catch (RuntimeException unavailable) {
                    LOG.warnf("Listings change feed unavailable (%s); serving matches from the local copy",
                            unavailable.toString());
                    return new PollResult(applied, ignored, pages, false, unavailable.getClass().getSimpleName());
                }
                pages++;
                int[] counts = QuarkusTransaction.requiringNew().call(() -> apply(cursor, page));
                applied += counts[0];
                ignored += counts[1];
                if (page.items().isEmpty() || Objects.equals(page.nextCursor(), cursor)) {
                    caughtUpAt = clock.instant();
                    return new PollResult(applied, ignored, pages, true, null);
                }
            }
            return new PollResult(applied, ignored, pages, false, null);
        } finally {
            polling.unlock();
        }
    }

    /** The cursor the next poll starts from (null: from the start). */
    public String storedCursor() {
        FeedCursor row = cursors.findById(NAME);
        return row == null ? null : row.cursor;
    }

    /** Applies one page read from {@code cursor}; skips it whole when another consumer moved the cursor meanwhile. */
    int[] apply(String cursor, FeedPage page) {
        FeedCursor row = cursors.findById(NAME, LockModeType.PESSIMISTIC_WRITE);
        boolean first = row == null;
        if (first) {
            row = new FeedCursor();
            row.name = NAME;
        } else if (!Objects.equals(row.cursor, cursor)) {
            return new int[] {0, page.items().size()};
        }
        int applied = 0;
        int ignored = 0;
        long lastSeq = row.lastSeq;
        for (FeedChange change : page.items()) {
            lastSeq = Math.max(lastSeq, change.seq());
            if (applyOne(change)) {
                applied++;
            } else {
                ignored++;
            }
        }
        row.cursor = page.nextCursor() == null ? cursor : page.nextCursor();
        row.lastSeq = lastSeq;
        row.updatedAt = clock.instant();
        if (first) {
            cursors.persist(row);
        }
        return new int[] {applied, ignored};
    }

    private boolean applyOne(FeedChange change) {
        ListingCopy copy = copies.findById(change.id());
        if (copy != null && change.seq() <= copy.lastSeq) {
            return false;
        }
        boolean first = copy == null;
        if (first) {
            copy = new ListingCopy();
            copy.id = change.id();
            copy.status = "CLOSED";
        }
        copy.lastSeq = change.seq();
        copy.changedAt = change.changedAt() == null ? clock.instant() : change.changedAt();
        if (change.upsert()) {
            ListingDto l = change.listing();
            copy.kind = l.kind();
            if (l.ownerId() != null) {
                copy.ownerId = l.ownerId();
            }
            copy.anonymous = l.anonymous();
            copy.status = l.status() == null ? "PUBLISHED" : l.status();
            copy.titleFr = l.title() == null ? null : clip(l.title().fr());
            copy.titleEn = l.title() == null ? null : clip(l.title().en());
            copy.skills = toArray(l.skills());
            copy.languages = toArray(l.languages());
            copy.pricingUnit = l.pricing() == null ? null : l.pricing().unit();
            copy.amount = l.pricing() == null || l.pricing().amount() == null ? null : new BigDecimal(l.pricing().amount());
            copy.currency = l.pricing() == null ? null : l.pricing().currency();
            copy.hoursPerWeek = l.hoursPerWeek();
            copy.turnaround = l.turnaround();
            copy.remote = l.remote();
            copy.region = l.region();
            copy.confidentiality = l.confidentiality();
            copy.publishedAt = l.publishedAt();
            copy.expiresAt = l.expiresAt();
        } else {
            // a tombstone: no longer publicly visible; keep the row (invitations refer to it) but closed to matching
            copy.status = change.status() == null || "PUBLISHED".equals(change.status()) ? "CLOSED" : change.status();
        }
        if (first) {
            copies.persist(copy);
        }
        return true;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300);
    }

    private static String[] toArray(List<String> values) {
        return values == null ? new String[0] : values.stream().distinct().toArray(String[]::new);
    }
}
