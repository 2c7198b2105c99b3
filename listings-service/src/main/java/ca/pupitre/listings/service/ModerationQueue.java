package ca.pupitre.listings.service;

import ca.pupitre.listings.api.ReportedListing;
import ca.pupitre.listings.domain.Listing;
import ca.pupitre.listings.domain.ListingReport;
import ca.pupitre.listings.repository.ListingReportRepository;
import ca.pupitre.listings.repository.ListingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What moderators decide on: listings with open spam, scam or miscategorized reports (hidden by the reports
 * themselves or still published), most reported first, each with its reports. Unhiding resolves them; hiding
 * keeps the listing here, hidden, until someone unhides it or it is closed.
 */
@ApplicationScoped
public class ModerationQueue {

    static final int QUEUE_SIZE = 100;

    private final ListingReportRepository reports;
    private final ListingRepository listings;
    private final ListingViews views;
    private final Clock clock;

    public ModerationQueue(ListingReportRepository reports, ListingRepository listings, ListingViews views, Clock clock) {
        this.reports = reports;
        this.listings = listings;
        this.views = views;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportedListing> open() {
        Instant now = clock.instant();
        List<ListingReportRepository.OpenReports> queue = reports.moderationQueue(QUEUE_SIZE);
        List<UUID> ids = queue.stream().map(ListingReportRepository.OpenReports::listingId).toList();
        Map<UUID, Listing> byId = listings.findAllById(ids);
        Map<UUID, List<ReportedListing.Report>> reportsById = reports.openHidingReportsOf(ids).stream()
                .collect(Collectors.groupingBy(r -> r.listingId,
                        Collectors.mapping(ModerationQueue::report, Collectors.toList())));
        return queue.stream().filter(q -> byId.containsKey(q.listingId()))
                .map(q -> new ReportedListing(views.ownerView(byId.get(q.listingId()), now), q.reports(),
                        q.lastReportedAt(), reportsById.getOrDefault(q.listingId(), List.of())))
                .toList();
    }

    private static ReportedListing.Report report(ListingReport r) {
        return new ReportedListing.Report(r.reason, r.comment, r.createdAt);
    }
}
