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

    /** Search page size when {@code limit} is absent. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest accepted {@code limit}. */
    @WithDefault("100")
    int maxPageSize();

    /** Below this many full-text matches, typo-tolerant trigram matching is added to a search. */
    @WithDefault("10")
    int fuzzyFallbackBelow();

    /** The only token subject allowed to set {@code featuredUntil} (billing-service, after a paid promotion). */
    @WithDefault("service:billing")
    String featuredSetter();

    /** Period of the expiry job ({@code off} disables it; reads apply expiry lazily anyway). */
    @WithDefault("5m")
    String expiryJobEvery();

    /** How long a search answer is reused (0 disables the cache); every listing write empties it. */
    @WithDefault("30S")
    Duration searchCacheTtl();

    /**
     * How often search applies listing changes made by other instances (this instance's own writes
     * show in its next search); see service/SearchIndex.
     */
    @WithDefault("1S")
    Duration searchRefresh();

    /** Most text-query matches the search index holds in memory, all queries together (about 120 bytes each). */
    @WithDefault("500000")
    int searchIndexMaxMatches();

    /** A text query's matches leave the search index after this long unused. */
    @WithDefault("10M")
    Duration searchIndexIdle();

    /** Most search answers kept at once. */
    @WithDefault("10000")
    long searchCacheSize();
}
