package ca.pupitre.listings.service;

import ca.pupitre.listings.api.ListingView;
import ca.pupitre.listings.api.LocalizedText;
import ca.pupitre.listings.api.PendingQuestion;
import ca.pupitre.listings.api.PricingView;
import ca.pupitre.listings.config.ListingsConfig;
import ca.pupitre.listings.domain.Listing;
import ca.pupitre.platform.security.Caller;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/** Maps listings to what a caller may see: owner/admin fields only for them, never the entity itself. */
@Singleton
public class ListingViews {

    private final ListingsConfig config;

    public ListingViews(ListingsConfig config) {
        this.config = config;
    }

    static boolean privileged(Caller caller, Listing listing) {
        return caller.isAdmin() || (caller.personId() != null && caller.personId().equals(listing.ownerId));
    }

    /** The public view (search results). */
    public ListingView publicView(Listing l, Instant now) {
        return view(l, now, false, false, null);
    }

    /**
     * What internal services read in the change feed (SERVICE/ADMIN only): the public view plus the
     * owner, even of an anonymous request, since matching must know whose request it ranks for.
     */
    public ListingView internalView(Listing l, Instant now) {
        return view(l, now, false, true, null);
    }

    /** Everything the owner sees of her own listing (her personal-data export). */
    public ListingView ownerView(Listing l, Instant now) {
        return view(l, now, true, true, null);
    }

    public ListingView view(Listing l, Caller caller, Instant now, List<PendingQuestion> questions) {
        boolean privileged = privileged(caller, l);
        return view(l, now, privileged, privileged, questions);
    }

    private ListingView view(Listing l, Instant now, boolean privileged, boolean showOwner, List<PendingQuestion> questions) {
        return new ListingView(l.id, l.kind, l.effectiveStatus(now),
                new LocalizedText(l.titleFr, l.titleEn),
                l.descriptionFr == null && l.descriptionEn == null ? null : new LocalizedText(l.descriptionFr, l.descriptionEn),
                l.descriptionFr == null && l.descriptionEn == null ? null
                        : new LocalizedText(HtmlText.escape(l.descriptionFr), HtmlText.escape(l.descriptionEn)),
                List.of(l.skills), List.of(l.languages),
                new PricingView(l.pricingUnit, l.pricingAmount.toPlainString(), l.currency),
                l.hoursPerWeek, l.turnaround, l.remote, l.region, l.startDate, l.confidentiality,
                l.publicName, l.anonymous,
                l.anonymous && !showOwner ? null : l.ownerId,
                l.createdAt, l.updatedAt, l.publishedAt, l.expiresAt, l.expiryReminderDueAt(config.reminderBefore()),
                l.featuredUntil, l.promoted(now), l.closedReason,
                privileged ? l.hiddenReason : null,
                privileged ? (questions == null ? List.of() : questions) : null,
                l.version);
    }
}
