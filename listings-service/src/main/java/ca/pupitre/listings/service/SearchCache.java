package ca.pupitre.listings.service;

import ca.pupitre.listings.config.ListingsConfig;
import ca.pupitre.listings.rest.dto.SearchPage;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Whole search answers reused for a short time ({@code pupitre.listings.search-cache-ttl},
 * {@code PUPITRE_SEARCH_CACHE_TTL}, 30 s by default; 0 turns the cache off). The {@link SearchIndex}
 * already spares PostgreSQL the ranking and counting; this spares the page's listing rows and the JSON
 * for searches that repeat exactly (the first page of popular searches).
 *
 * <ul>
 * <li>Answers are keyed by the index generation, which every applied listing change bumps: an answer is
 * never served once the index has moved past it. Every listing write (a {@code featuredUntil} too) writes a
 * change-feed row, so this covers all of them: this instance's own at its next search.</li>
 * <li>A listing passing its expiry date with no write may show up to the TTL late.</li>
 * <li>Answers are the same for every caller (published listings only, public view), so one cache
 * serves all. Concurrent identical searches compute once; failures are not cached.</li>
 * </ul>
 */
@ApplicationScoped
public class SearchCache {

    /** An answer is valid for one state of the {@link SearchIndex} (its generation). */
    private record Key(SearchService.Params params, long generation) {
    }

    private final Cache<Key, SearchPage> answers;
    private final boolean enabled;

    public SearchCache(ListingsConfig config) {
        this.enabled = !config.searchCacheTtl().isZero();
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(config.searchCacheTtl())
                .maximumSize(config.searchCacheSize())
                .build();
    }

    SearchPage get(SearchService.Params params, long generation, Function<SearchService.Params, SearchPage> compute) {
        return enabled ? answers.get(new Key(params, generation), key -> compute.apply(key.params())) : compute.apply(params);
    }
}
