package ca.pupitre.listings.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rules of the listings service ({@code pupitre.listings.*}). */
@ConfigMapping(prefix = "pupitre.listings")
public interface ListingsConfig {

    /** How long a published (or renewed) listing stays up before it expires. */
    @WithDefault("P60D")
    Duration lifetime();

    /** How long before expiry the owner's renewal reminder is due. */
    @WithDefault("P5D")
    Duration reminderBefore();

    /** Distinct SPAM/SCAM/MISCATEGORIZED reports that hide a listing automatically. */
    @WithDefault("3")
    int autoHideReports();

    /**
     * How old a reporter's account must be for her report to count toward hiding (younger accounts' reports
     * are kept for admins): three throwaway accounts must not hide anyone's listing.
     */
    @WithDefault("P7D")
    Duration reportMinAccountAge();

    /** Reports one account may file in 24 hours (then 429). */
    @WithDefault("20")
    int reportsPerDay();

    /** Search page size when {@code limit} is absent. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest accepted {@code limit}. */
    @WithDefault("100")
    int maxPageSize();

    /** The only token subject allowed to set {@code featuredUntil} (billing-service, after a paid promotion). */
    @WithDefault("service:billing")
    String featuredSetter();

    /** The service that hides a disabled account's listings (and restores them), besides admins. */
    @WithDefault("service:gateway")
    String accountSuspender();

    /** Period of the expiry job ({@code off} disables it; reads apply expiry lazily anyway). */
    @WithDefault("5m")
    String expiryJobEvery();

    /**
     * How often search applies listing changes made by other instances (this instance's own writes
     * show in its next search); see search/ListingIndex.
     */
    @WithDefault("1S")
    Duration searchRefresh();

    /** How long the index snapshot of a search's first page is kept for its next pages (stable cursors). */
    @WithDefault("10M")
    Duration searchCursorSnapshot();

    /**
     * How many recent search answers (and match counts) are kept, each until it has not been asked for a
     * minute; 0 turns that off (benchmarks of never-seen texts). Exact either way: any applied change makes a
     * new snapshot.
     */
    @WithDefault("2000")
    int searchAnswersKept();

    /** Below this many results, a search answer carries a "did you mean" spelling suggestion. */
    @WithDefault("3")
    long didYouMeanBelow();

    /** How often type-ahead phrases are recounted from the published titles. */
    @WithDefault("5m")
    String suggestRebuildEvery();
}
