package ca.pupitre.listings.service;

import ca.pupitre.listings.api.ListingSources;
import ca.pupitre.listings.api.PartnerStats;
import ca.pupitre.listings.config.FeedsConfig;
import ca.pupitre.listings.domain.Listing;
import ca.pupitre.listings.repository.FeedStatsRepository;
import ca.pupitre.listings.repository.ListingRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Clicks on syndicated URLs, partners' stats, and a listing's views by source for its owner. */
@ApplicationScoped
public class AttributionService {

    static final int TOP_LISTINGS = 50;

    private final FeedStatsRepository stats;
    private final ListingRepository listings;
    private final FeedsConfig config;
    private final Clock clock;

    public AttributionService(FeedStatsRepository stats, ListingRepository listings, FeedsConfig config, Clock clock) {
        this.stats = stats;
        this.listings = listings;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Counts one click for the partner named by {@code partner} (anything that is not a UUID counts as
     * "direct": the visitor still gets to the listing) and returns the listing's public page.
     */
    public URI visit(UUID listingId, String partner) {
        if (listings.findByIdOptional(listingId).isEmpty()) {
            throw ProblemException.notFound("LISTING_NOT_FOUND");
        }
        stats.countClick(listingId, partnerOrDirect(partner), LocalDate.ofInstant(clock.instant(), FeedService.COUNTING_ZONE));
        return URI.create(config.listingPage().replace("{id}", listingId.toString()));
    }

    /** A partner's own stats, or any partner's for an admin; 403 for another partner. */
    public PartnerStats partnerStats(FeedCaller caller, UUID partnerId) {
        UUID target = partnerId != null ? partnerId : caller.partnerId();
        if (target == null) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "partnerId");
        }
        if (!caller.admin() && !target.equals(caller.partnerId())) {
            throw ProblemException.forbidden("STATS_NOT_ALLOWED");
        }
        List<FeedStatsRepository.FeedCount> feeds = stats.impressionsByFeed(target);
        return new PartnerStats(target, feeds.stream().mapToLong(FeedStatsRepository.FeedCount::serves).sum(),
                feeds.stream().mapToLong(FeedStatsRepository.FeedCount::items).sum(), stats.totalClicks(target),
                feeds.stream().map(f -> new PartnerStats.FeedImpressions(f.feed(), f.serves(), f.items())).toList(),
                stats.topListings(target, TOP_LISTINGS).stream()
                        .map(l -> new PartnerStats.ListingAttribution(l.listingId(), l.clicks(), l.impressions())).toList());
    }

    /** Views by source of one listing: its owner and admins only (403 for others when it is public, else 404). */
    public ListingSources sources(Caller caller, UUID listingId) {
        Listing listing = listings.findByIdOptional(listingId)
                .orElseThrow(() -> ProblemException.notFound("LISTING_NOT_FOUND"));
        if (!ListingViews.privileged(caller, listing)) {
            if (listing.publiclyVisible(clock.instant())) {
                throw ProblemException.forbidden("NOT_OWNER");
            }
            throw ProblemException.notFound("LISTING_NOT_FOUND");
        }
        List<ListingSources.Source> sources = stats.sources(listingId).stream()
                .map(s -> FeedStatsRepository.DIRECT.equals(s.partnerId())
                        ? new ListingSources.Source("direct", null, s.clicks(), s.impressions())
                        : new ListingSources.Source("partner:" + s.partnerId(), s.partnerId(), s.clicks(), s.impressions()))
                .toList();
        return new ListingSources(listingId, sources.stream().mapToLong(ListingSources.Source::clicks).sum(), sources);
    }

    static UUID partnerOrDirect(String partner) {
        if (partner == null || partner.isBlank()) {
            return FeedStatsRepository.DIRECT;
        }
        try {
            return UUID.fromString(partner.strip());
        } catch (IllegalArgumentException notAUuid) {
            return FeedStatsRepository.DIRECT;
        }
    }
}
