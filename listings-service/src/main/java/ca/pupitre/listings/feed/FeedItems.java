package ca.pupitre.listings.feed;

import ca.pupitre.listings.api.SkillView;
import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.service.SkillTaxonomy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds {@link FeedItem}s: language choice and fallback, privacy rules, attribution URL. */
@Singleton
public class FeedItems {

    /** Fewer hours a week than this is part-time (Québec's usual full-time week is 35–40 h). */
    static final int PART_TIME_BELOW_HOURS = 30;

    private final SkillTaxonomy taxonomy;

    public FeedItems(SkillTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * @param url the listing's URL back to Pupitre, already carrying the partner's attribution parameter
     */
    public FeedItem item(FeedListing l, Lang lang, String url) {
        Lang used = lang.used(l.titleFr(), l.titleEn());
        String title = FeedText.plain(lang.pick(l.titleFr(), l.titleEn()), used);
        String description = lang.pick(l.descriptionFr(), l.descriptionEn());
        String html = FeedText.html(description != null ? description : title, used);
        String organization = l.anonymous() || l.publicName() == null || l.publicName().isBlank()
                ? (l.kind() == ListingKind.REQUEST ? lang.text("Confidentiel", "Confidential")
                        : lang.text("Secrétaire de Pupitre", "Pupitre secretary"))
                : FeedText.plain(l.publicName(), used);
        List<String> types = new ArrayList<>(2);
        types.add("CONTRACTOR");
        if (l.hoursPerWeek() != null && l.hoursPerWeek() < PART_TIME_BELOW_HOURS) {
            types.add("PART_TIME");
        }
        List<String> labels = new ArrayList<>(l.skills().size());
        for (String code : l.skills()) {
            labels.add(taxonomy.find(code).map(SkillView::label).map(t -> lang.pick(t.fr(), t.en())).orElse(code));
        }
        return new FeedItem(l.id(), l.kind(), used, lang, title, html, url, l.publishedAt(), l.expiresAt(), l.updatedAt(),
                organization, types, l.pricingUnit(), l.pricingAmount(), l.currency(), l.hoursPerWeek(), l.remote(),
                l.region(), FeedText.regionName(l.region()), l.startDate(), labels, l.languages());
    }

    /** {@code <base>/api/v1/listings/<id>/visit?partner=<partnerId>} (no parameter for an admin's read). */
    public static String visitUrl(String base, UUID listingId, UUID partnerId) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return root + "/api/v1/listings/" + listingId + "/visit" + (partnerId == null ? "" : "?partner=" + partnerId);
    }
}
