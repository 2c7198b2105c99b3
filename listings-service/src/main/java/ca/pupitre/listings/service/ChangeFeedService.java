package ca.pupitre.listings.service;

import ca.pupitre.listings.api.ChangeItem;
import ca.pupitre.listings.api.ChangePage;
import ca.pupitre.listings.config.ListingsConfig;
import ca.pupitre.listings.domain.Listing;
import ca.pupitre.listings.repository.ListingChangeRepository;
import ca.pupitre.listings.repository.ListingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The change feed for matching-service and partner boards: changes in commit order, resumable from an
 * opaque cursor. An UPSERT carries the listing's current public view; anything not publicly visible
 * right now (draft, hidden, closed, expired) is a TOMBSTONE with no content.
 */
@ApplicationScoped
public class ChangeFeedService {

    private final ListingChangeRepository changes;
    private final ListingRepository listings;
    private final ListingViews views;
    private final ListingsConfig config;
    private final Clock clock;

    public ChangeFeedService(ListingChangeRepository changes, ListingRepository listings, ListingViews views,
            ListingsConfig config, Clock clock) {
        this.changes = changes;
        this.listings = listings;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    public ChangePage since(String cursor, Integer limit) {
        long since = 0;
        if (cursor != null && !cursor.isBlank()) {
            try {
                since = Long.parseLong(Cursors.decode(cursor, "seq", 1).get(0));
            } catch (NumberFormatException malformed) {
                throw Cursors.invalid();
            }
            if (since < 0) {
                throw Cursors.invalid();
            }
        }
        int size = SearchService.pageSize(limit, config);
        Instant now = clock.instant();
        List<ListingChangeRepository.Change> rows = changes.after(since, size);
        Map<UUID, Listing> current = listings.findAllById(rows.stream()
                .filter(c -> ListingService.UPSERT.equals(c.op())).map(ListingChangeRepository.Change::listingId)
                .distinct().toList());
        List<ChangeItem> items = rows.stream().map(c -> {
            Listing listing = current.get(c.listingId());
            if (ListingService.UPSERT.equals(c.op()) && listing != null && listing.publiclyVisible(now)) {
                return new ChangeItem(c.seq(), c.listingId(), ListingService.UPSERT, c.status(), c.changedAt(),
                        views.internalView(listing, now));
            }
            return new ChangeItem(c.seq(), c.listingId(), ListingService.TOMBSTONE,
                    listing != null && ListingService.UPSERT.equals(c.op()) ? listing.effectiveStatus(now) : c.status(),
                    c.changedAt(), null);
        }).toList();
        long last = rows.isEmpty() ? since : rows.get(rows.size() - 1).seq();
        return new ChangePage(items, Cursors.encode("seq", last));
    }
}
