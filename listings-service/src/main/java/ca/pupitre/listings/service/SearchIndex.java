package ca.pupitre.listings.service;

import ca.pupitre.listings.config.ListingsConfig;
import ca.pupitre.listings.repository.ListingSearchRepository;
import ca.pupitre.listings.repository.ListingSearchRepository.Loaded;
import ca.pupitre.listings.repository.ListingSearchRepository.Patch;
import ca.pupitre.listings.repository.ListingSearchRepository.TextKey;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The match sets of recent text queries, kept in memory and kept exact by the change feed.
 *
 * <p>Why: a broad query ("tenue de livres") matches a quarter of the catalogue. Ranking and counting
 * those tens of thousands of rows costs PostgreSQL 100-500 ms, and the same text comes back with other
 * filters, sorts and pages. So PostgreSQL computes the matches and scores of a text once
 * ({@link ListingSearchRepository#load}); every search with that text is then filtered, counted and paged
 * here ({@link MatchSet#select}) in a millisecond or two.
 *
 * <p>Freshness: a set is exact at a change-feed position. Before a search, when this instance wrote a
 * listing since the last check, or {@code pupitre.listings.search-refresh} has passed, the changes
 * committed since are read and applied to every set (the changed listings are re-read and re-scored, in
 * one statement). So this instance's own writes show in the very next search, another instance's
 * within the refresh period. Expiry needs no change: matches carry their expiry and search filters by
 * its clock.
 *
 * <p>Memory: at most {@code pupitre.listings.search-index-max-matches} matches in all (about 120 bytes
 * each); a text unused for {@code search-index-idle} is dropped. Concurrent searches for a text not
 * loaded yet wait for one load.
 */
@ApplicationScoped
public class SearchIndex {

    /** Fired by every listing write, in the writing transaction (with its change-feed row). */
    public record ListingsChanged(UUID listingId) {
    }

    /** Beyond this many changes since the last check, every set is dropped and reloaded on demand. */
    static final int MAX_CHANGES = 1_000;

    private final ListingSearchRepository repository;
    private final Cache<TextKey, MatchSet> sets;
    private final ConcurrentHashMap<TextKey, CompletableFuture<MatchSet>> loading = new ConcurrentHashMap<>();
    private final long refreshNanos;
    private final Object lock = new Object();
    private volatile boolean dirty = true;
    private volatile long checkedAt = System.nanoTime();
    /** Change-feed position every cached set is exact at (or later). Guarded by {@link #lock}. */
    private long seq = -1;
    /** Bumped whenever applied changes may change an answer (the {@link SearchCache} keys on it). */
    private volatile long generation;

    public SearchIndex(ListingSearchRepository repository, ListingsConfig config, MeterRegistry registry) {
        this.repository = repository;
        Gauge.builder("pupitre.search.index.matches", this, SearchIndex::matchesHeld)
                .description("Matches the search index holds in memory, all texts together").register(registry);
        this.refreshNanos = config.searchRefresh().toNanos();
        this.sets = Caffeine.newBuilder()
                .maximumWeight(config.searchIndexMaxMatches())
                .weigher((TextKey key, MatchSet set) -> set.size() + 1)
                .expireAfterAccess(config.searchIndexIdle())
                .build();
    }

    /** Applies the changes committed since the last check, when due (see class comment). */
    void refreshIfDue() {
        if (!dirty && System.nanoTime() - checkedAt < refreshNanos) {
            return;
        }
        synchronized (lock) {
            if (!dirty && System.nanoTime() - checkedAt < refreshNanos) {
                return;
            }
            dirty = false;
            checkedAt = System.nanoTime();
            try {
                catchUp();
            } catch (RuntimeException e) {
                dirty = true;
                throw e;
            }
        }
    }

    /** The matches of {@code key}: from memory, or loaded once (concurrent callers share the load). */
    MatchSet get(TextKey key) {
        MatchSet set = sets.getIfPresent(key);
        if (set != null) {
            return set;
        }
        CompletableFuture<MatchSet> mine = new CompletableFuture<>();
        CompletableFuture<MatchSet> theirs = loading.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Loaded loaded = repository.load(key);
            MatchSet fresh = new MatchSet(loaded.matches(), loaded.seq());
            synchronized (lock) {
                boolean exact = true;
                if (fresh.seq < seq) {
                    // Read from a snapshot older than the cached sets: bring it to their position first
                    // (after too many changes, serve it once and do not keep it).
                    Patch patch = repository.changesAfter(fresh.seq, List.of(key), MAX_CHANGES);
                    exact = !patch.overflow();
                    if (exact) {
                        fresh = fresh.patched(patch.changed(), patch.current().get(0), patch.seq());
                    }
                }
                if (exact) {
                    sets.put(key, fresh);
                }
            }
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    long generation() {
        return generation;
    }

    /** Matches currently held (gauge {@code pupitre_search_index_matches}). */
    long matchesHeld() {
        return sets.asMap().values().stream().mapToLong(MatchSet::size).sum();
    }

    private void catchUp() {
        if (seq < 0) {
            seq = repository.highWater();
            return;
        }
        List<TextKey> keys = new ArrayList<>(sets.asMap().keySet());
        Patch patch = repository.changesAfter(seq, keys, MAX_CHANGES);
        if (patch.overflow()) {
            sets.invalidateAll();
            seq = patch.seq();
            generation++;
            return;
        }
        if (patch.changed().isEmpty()) {
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            MatchSet old = sets.getIfPresent(keys.get(i));
            if (old != null) {
                sets.put(keys.get(i), old.patched(patch.changed(), patch.current().get(i), patch.seq()));
            }
        }
        seq = patch.seq();
        generation++;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListingsChanged change) {
        dirty = true;
    }
}
