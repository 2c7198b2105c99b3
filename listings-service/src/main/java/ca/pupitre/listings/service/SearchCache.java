package ca.pupitre.listings.service;

import ca.pupitre.listings.config.ListingsConfig;
import ca.pupitre.listings.rest.dto.SearchPage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.UUID;
import java.util.function.Function;

/**
 * Search answers are reused for a short time ({@code pupitre.listings.search-cache-ttl},
 * {@code PUPITRE_SEARCH_CACHE_TTL}, 30 s by default; 0 turns the cache off): a broad query over a
 * large catalogue costs PostgreSQL hundreds of milliseconds (ranking and facet counts over tens of
 * thousands of matches), while the same searches repeat far more often than listings change.
 *
 * <ul>
 * <li>Every listing write empties this instance's cache once its transaction has committed, so a
 * closed or hidden listing leaves search at once here. Another instance, or a listing passing its
 * expiry date with no write, may show in results up to the TTL late.</li>
 * <li>Answers are the same for every caller (published listings only, public view), so one cache
 * serves all.</li>
 * <li>Concurrent identical searches compute once (Caffeine's per-key loading); failures are not
 * cached.</li>
 * </ul>
 */
@ApplicationScoped
public class SearchCache {

    /** Fired by every listing write, in the writing transaction. */
    public record ListingsChanged(UUID listingId) {
    }

    private final Cache<SearchService.Params, SearchPage> answers;
    private final boolean enabled;

    public SearchCache(ListingsConfig config) {
        this.enabled = !config.searchCacheTtl().isZero();
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(config.searchCacheTtl())
                .maximumSize(config.searchCacheSize())
                .build();
    }

    SearchPage get(SearchService.Params params, Function<SearchService.Params, SearchPage> compute) {
        return enabled ? answers.get(params, compute) : compute.apply(params);
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListingsChanged change) {
        answers.invalidateAll();
    }
}
