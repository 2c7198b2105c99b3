package ca.pupitre.listings.search;

import ca.pupitre.listings.config.ListingsConfig;
import ca.pupitre.listings.domain.SearchSort;
import ca.pupitre.listings.repository.IndexSourceRepository;
import ca.pupitre.listings.repository.IndexSourceRepository.Changes;
import ca.pupitre.listings.repository.IndexSourceRepository.IndexedListing;
import ca.pupitre.listings.service.SkillTaxonomy;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

/**
 * The Lucene index of published listings: a projection of PostgreSQL (the system of record), built from
 * it at start and kept exact by the listings change feed.
 *
 * <ul>
 * <li><b>Build</b>: every published listing is read in one snapshot with the change-feed position it is
 * exact at, and indexed (progress in the log). The service is ready only once it is done.</li>
 * <li><b>Freshness</b>: this instance's writes are applied right after they commit, before the write's
 * answer is sent, so its very next search sees them. Changes made by other instances are applied before
 * a search once {@code pupitre.listings.search-refresh} (1 s) has passed since the last check. Changes are
 * read from the feed after the index's position, in commit order, so none is missed.</li>
 * <li><b>Concurrency</b>: one {@link IndexWriter}; searches use a {@link SearcherManager} refreshed after
 * applied changes, never reopened per query. A first page records its searcher in a
 * {@link SearcherLifetimeManager}; the cursor names it, so later pages read the same snapshot (stable
 * scores and totals) while it is kept ({@code search-cursor-snapshot}, 10 min), then the current one.</li>
 * <li><b>Storage</b>: an {@link MMapDirectory} in a fresh temporary folder (memory-mapped, so the index
 * sits in the OS page cache rather than on the Java heap), deleted at shutdown. It is rebuilt at every
 * start: PostgreSQL is the source of truth, and a rebuild from it is always possible.</li>
 * </ul>
 */
@ApplicationScoped
public class ListingIndex {

    private static final Logger LOG = Logger.getLogger(ListingIndex.class);
    /**
     * A kept answer (or count) not asked again for this long is dropped. Every write makes a new snapshot, and
     * the answers of the one before are then only of use to cursors still paging through it: with ten minutes
     * here, the soak (a publish every two seconds, eight searches a second) kept every answer of the last ten
     * minutes with its query tree and facet counts, and the heap grew by 3 MB a minute (Lucene queries, terms
     * and maps at the top of its histogram). A popular search asked at least once a minute stays.
     */
    private static final Duration ANSWER_IDLE = Duration.ofMinutes(1);
    /** Change rows read per step when catching up. */
    private static final int CHANGES_PER_READ = 1_000;
    private static final int PROGRESS_EVERY = 10_000;

    /** Fired by every listing write, in the writing transaction (with its change-feed row). */
    public record ListingsChanged(UUID listingId) {
    }

    /** A searcher with the facet state of its reader (built once per reader, when the searcher is made). */
    static final class Snapshot extends IndexSearcher {
        final SortedSetDocValuesReaderState facets;

        Snapshot(IndexReader reader, FacetsConfig config) throws IOException {
            super(reader);
            SortedSetDocValuesReaderState state;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, config);
            } catch (IllegalArgumentException noFacetsYet) {
                state = null;
            }
            this.facets = state;
        }
    }

    private final IndexSourceRepository source;
    private final SkillTaxonomy taxonomy;
    private final ListingsConfig config;
    private final FacetsConfig facetsConfig = ListingDocument.facetsConfig();
    private final ListingQuery queries;
    private final Analyzer indexAnalyzer;
    private final Spelling spelling;
    private final Suggestions suggestions;
    private final long refreshNanos;
    private final ReentrantLock applying = new ReentrantLock();
    private final SearcherLifetimeManager cursors = new SearcherLifetimeManager();
    /**
     * Totals and facets of recent searches, keyed by the index snapshot they were counted in: exact by
     * construction (any applied change makes a new snapshot), they spare the pass over every match when the
     * same text and filters come back with another sort or page, or from another person, before the next write.
     */
    private final Cache<CountKey, Counts> counts;
    /**
     * Recent answers (a page with its totals), by snapshot and request: exact for the same reason, they
     * answer a popular search again without scoring its matches again.
     */
    private final Cache<AnswerKey, Answer> answers;
    private Path folder;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    /** The change-feed position the index is exact at. Guarded by {@link #applying}. */
    private long seq;
    private volatile boolean dirty;
    private volatile long checkedAt = System.nanoTime();
    private volatile boolean open;

    public ListingIndex(IndexSourceRepository source, SkillTaxonomy taxonomy, ListingsConfig config, MeterRegistry registry) {
        this.source = source;
        this.taxonomy = taxonomy;
        this.config = config;
        this.refreshNanos = config.searchRefresh().toNanos();
        this.counts = Caffeine.newBuilder().maximumSize(config.searchAnswersKept()).expireAfterAccess(ANSWER_IDLE).build();
        this.answers = Caffeine.newBuilder().maximumSize(config.searchAnswersKept()).expireAfterAccess(ANSWER_IDLE).build();
        SynonymMap synonyms = Synonyms.load(taxonomy);
        Map<ListingLanguage, Analyzer> queryChains = new EnumMap<>(ListingLanguage.class);
        Map<ListingLanguage, Analyzer> indexChains = new EnumMap<>(ListingLanguage.class);
        for (ListingLanguage language : ListingLanguage.values()) {
            queryChains.put(language, Chains.of(language, synonyms));
            indexChains.put(language, Chains.of(language, null));
        }
        this.queries = new ListingQuery(queryChains, indexChains, Synonyms.multiWordNames(taxonomy));
        this.spelling = new Spelling();
        this.suggestions = new Suggestions(taxonomy);
        this.indexAnalyzer = indexAnalyzer(indexChains);
        Gauge.builder("pupitre.search.index.documents", this, ListingIndex::documents)
                .description("Published listings in the search index").register(registry);
        Gauge.builder("pupitre.search.index.bytes", this, ListingIndex::sizeInBytes)
                .description("Size of the search index files").baseUnit("bytes").register(registry);
    }

    private static Analyzer indexAnalyzer(Map<ListingLanguage, Analyzer> chains) {
        Map<String, Analyzer> fields = new LinkedHashMap<>();
        for (ListingLanguage language : ListingLanguage.values()) {
            for (String base : List.of(ListingDocument.TITLE, ListingDocument.BODY, ListingDocument.ALL)) {
                fields.put(language.field(base), chains.get(language));
            }
        }
        fields.put(ListingDocument.SPELLING, Chains.spelling());
        return new PerFieldAnalyzerWrapper(Chains.spelling(), fields);
    }

    void onStart(@Observes StartupEvent start) {
        build();
    }

    void onStop(@Observes ShutdownEvent stop) {
        close();
    }

    /** Builds the index from every published listing (at start). */
    synchronized void build() {
        long started = System.nanoTime();
        try {
            folder = Files.createTempDirectory("pupitre-listings-index");
            directory = new MMapDirectory(folder);
            IndexWriterConfig writerConfig = new IndexWriterConfig(indexAnalyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, writerConfig);
            LOG.info("Search index: building from the published listings");
            long[] count = {0};
            applying.lock();
            try {
                seq = source.allPublished(listing -> {
                    add(listing);
                    if (++count[0] % PROGRESS_EVERY == 0) {
                        LOG.infof("Search index: %,d listings indexed", count[0]);
                    }
                });
                writer.commit();
                searchers = new SearcherManager(writer, new SearcherFactory() {
                    @Override
                    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                        return new Snapshot(reader, facetsConfig);
                    }
                });
                open = true;
            } finally {
                applying.unlock();
            }
            suggestions.rebuild(searchers);
            LOG.infof("Search index: %,d listings indexed in %d ms (%,d kB on disk, change feed at %d)", count[0],
                    (System.nanoTime() - started) / 1_000_000, sizeInBytes() / 1024, seq);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build the search index", e);
        }
    }

    private void add(IndexedListing listing) {
        try {
            writer.updateDocument(new Term(ListingDocument.ID, listing.id().toString()),
                    ListingDocument.of(listing, taxonomy, facetsConfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies the changes committed since the last check when due (see class comment). */
    void refreshIfDue() {
        if (dirty) {
            catchUp();
        } else if (System.nanoTime() - checkedAt >= refreshNanos && applying.tryLock()) {
            // another thread already catching up: search what is there (at most a refresh period old)
            try {
                catchUpLocked();
            } finally {
                applying.unlock();
            }
        }
    }

    /** Applies every change committed since the index's position, now. */
    public void catchUp() {
        applying.lock();
        try {
            catchUpLocked();
        } finally {
            applying.unlock();
        }
    }

    private void catchUpLocked() {
        if (!open) {
            return;
        }
        dirty = false;
        checkedAt = System.nanoTime();
        try {
            boolean applied = false;
            Changes changes;
            do {
                changes = source.changesAfter(seq, CHANGES_PER_READ);
                Set<UUID> published = new HashSet<>();
                for (IndexedListing listing : changes.published()) {
                    add(listing);
                    published.add(listing.id());
                }
                for (UUID id : changes.changed()) {
                    if (!published.contains(id)) {
                        writer.deleteDocuments(new Term(ListingDocument.ID, id.toString()));
                    }
                }
                applied |= !changes.changed().isEmpty();
                seq = changes.seq();
            } while (changes.changed().size() >= CHANGES_PER_READ);
            if (applied) {
                searchers.maybeRefreshBlocking();
            }
            cursors.prune(new SearcherLifetimeManager.PruneByAge(config.searchCursorSnapshot().toSeconds()));
        } catch (IOException | RuntimeException e) {
            dirty = true;
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** This instance's own write: applied as soon as it commits, so its next search sees it. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListingsChanged change) {
        dirty = true;
        try {
            catchUp();
        } catch (RuntimeException e) {
            // the next search retries (dirty stays set)
            LOG.warnf("Search index: applying %s failed, retried at the next search: %s", change.listingId(), e.toString());
        }
    }

    /** One page of matches (see {@link SearchRequest}). */
    public SearchResult search(SearchRequest request) {
        refreshIfDue();
        Snapshot snapshot = null;
        boolean kept = false;
        if (request.after() != null) {
            snapshot = (Snapshot) cursors.acquire(request.after().snapshot());
            kept = snapshot != null;
        }
        try {
            if (snapshot == null) {
                snapshot = (Snapshot) searchers.acquire();
            }
            long version = kept ? request.after().snapshot() : cursors.record(snapshot);
            return search(snapshot, version, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(snapshot, kept);
        }
    }

    private void release(Snapshot snapshot, boolean kept) {
        if (snapshot == null) {
            return;
        }
        try {
            if (kept) {
                cursors.release(snapshot);
            } else {
                searchers.release(snapshot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResult search(Snapshot snapshot, long version, SearchRequest r) throws IOException {
        long now = ListingDocument.micros(r.now());
        AnswerKey answerKey = new AnswerKey(version, r.at(null));
        Answer answer = answers.getIfPresent(answerKey);
        if (answer != null && unchangedSince(snapshot, answer.at(), now)) {
            return answer.result();
        }
        SearchResult result = answer(snapshot, version, r, now);
        answers.put(answerKey, new Answer(now, result));
        return result;
    }

    private SearchResult answer(Snapshot snapshot, long version, SearchRequest r, long now) throws IOException {
        Query matching = new MatchAllDocsQuery();
        Query scored = matching;
        if (r.text() != null) {
            ListingQuery.Built built = queries.build(r.text(), taxonomy.expand(r.text()).skills(), snapshot.getIndexReader());
            if (built == null) {
                return new SearchResult(List.of(), null, 0, Map.of(), Map.of(), Map.of(), null);
            }
            matching = built.matching();
            scored = built.scored();
        }
        List<Query> filters = filters(r);
        CountKey countKey = new CountKey(version, filtered(matching, filters));
        Counts counts = this.counts.getIfPresent(countKey);
        if (counts != null && !unchangedSince(snapshot, counts.at(), now)) {
            counts = null;
        }
        filters.add(LongPoint.newRangeQuery(ListingDocument.EXPIRES, now + 1, Long.MAX_VALUE));
        Query ranked = filtered(scored, filters);
        boolean relevance = r.sort() == SearchSort.RELEVANCE;
        CollectorManager<?, ? extends TopDocs> pages = relevance
                ? new TopScoreDocCollectorManager(r.limit() + 1, relevanceAfter(r.after(), version, snapshot), PAGE_HITS_THRESHOLD)
                : new TopFieldCollectorManager(sort(r.sort()), r.limit() + 1, r.after() == null ? null : after(r.after(), snapshot),
                        PAGE_HITS_THRESHOLD);
        TopDocs page;
        if (counts == null) {
            // One pass over every match for the exact total, the facets and the page: the ranked query matches
            // the same listings as the matching one (it only adds optional boosts).
            Object[] both = snapshot.search(ranked, new MultiCollectorManager(new FacetsCollectorManager(), pages));
            FacetsCollector all = (FacetsCollector) both[0];
            page = (TopDocs) both[1];
            counts = new Counts(now, all.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum(), facets(snapshot, all));
            this.counts.put(countKey, counts);
        } else {
            // Totals known (another sort or page of the same search): only the page, where Lucene can skip the
            // listings that cannot reach it.
            page = snapshot.search(ranked, pages);
        }
        ScoreDoc[] hits = page.scoreDocs;
        int shown = Math.min(hits.length, r.limit());
        List<UUID> ids = new ArrayList<>(shown);
        IdColumn idColumn = new IdColumn(snapshot.getIndexReader());
        for (int i = 0; i < shown; i++) {
            ids.add(relevance ? idColumn.id(hits[i].doc) : ListingDocument.uuid((BytesRef) ((FieldDoc) hits[i]).fields[1]));
        }
        SearchRequest.After next = null;
        if (hits.length > r.limit()) {
            ScoreDoc last = hits[shown - 1];
            next = relevance ? new SearchRequest.After(version,
                    ((long) Float.floatToIntBits(last.score) << 32) | (last.doc & 0xFFFFFFFFL), ids.get(shown - 1))
                    : afterOf(version, (FieldDoc) last);
        }
        long total = counts.total();
        Map<String, Map<String, Long>> facets = counts.facets();
        String didYouMean = r.text() != null && total < config.didYouMeanBelow()
                ? spelling.suggest(r.text(), snapshot.getIndexReader()) : null;
        return new SearchResult(ids, next, total, facets.get(ListingDocument.SKILL), facets.get(ListingDocument.LANGUAGE),
                facets.get(ListingDocument.REGION), didYouMean);
    }

    /**
     * Whether what was found at {@code then} (epoch micros) in this snapshot still holds at {@code now}: no
     * listing of the snapshot expired in between (a count over the expiry points, answered from the tree).
     */
    private static boolean unchangedSince(IndexSearcher snapshot, long then, long now) throws IOException {
        return then == now || then < now && snapshot.count(LongPoint.newRangeQuery(ListingDocument.EXPIRES, then + 1, now)) == 0;
    }

    /**
     * Past this many matches the page's collector stops counting them and skips the blocks of listings that
     * cannot reach the page (the exact total comes from the facet collector).
     */
    private static final int PAGE_HITS_THRESHOLD = 1_000;

    /** A search's answer, by index snapshot and request (without its time: see {@link #unchangedSince}). */
    private record AnswerKey(long snapshot, SearchRequest request) {
    }

    private record Answer(long at, SearchResult result) {
    }

    /** The exact total and facets of one matching query (filters but the expiry one) in one snapshot. */
    private record Counts(long at, long total, Map<String, Map<String, Long>> facets) {
    }

    private record CountKey(long snapshot, Query matches) {
    }

    /** Listing ids by doc number, read from the id column (doc values) rather than the stored fields. */
    private static final class IdColumn {
        private final List<LeafReaderContext> leaves;

        IdColumn(IndexReader reader) {
            this.leaves = reader.leaves();
        }

        UUID id(int doc) throws IOException {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), ListingDocument.ID_SORT);
            if (!ids.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("listing without id at doc " + doc);
            }
            return ListingDocument.uuid(ids.lookupOrd(ids.ordValue()));
        }
    }

    private static Query filtered(Query query, List<Query> filters) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, Occur.MUST);
        filters.forEach(filter -> builder.add(filter, Occur.FILTER));
        return builder.build();
    }

    private static List<Query> filters(SearchRequest r) {
        List<Query> filters = new ArrayList<>();
        if (r.kind() != null) {
            filters.add(new TermQuery(new Term(ListingDocument.KIND, r.kind().name())));
        }
        if (r.unit() != null) {
            filters.add(new TermQuery(new Term(ListingDocument.UNIT, r.unit().name())));
        }
        r.skills().forEach(skill -> filters.add(new TermQuery(new Term(ListingDocument.SKILL, skill))));
        r.languages().forEach(language -> filters.add(new TermQuery(new Term(ListingDocument.LANGUAGE, language))));
        if (r.region() != null) {
            filters.add(new TermQuery(new Term(ListingDocument.REGION, r.region())));
        }
        if (r.remote() != null) {
            filters.add(new TermQuery(new Term(ListingDocument.REMOTE, r.remote().toString())));
        }
        if (r.owner() != null) {
            filters.add(new TermQuery(new Term(ListingDocument.OWNER, r.owner().toString())));
        }
        if (r.minRate() != null || r.maxRate() != null) {
            filters.add(LongPoint.newRangeQuery(ListingDocument.AMOUNT, cents(r.minRate(), RoundingMode.CEILING, Long.MIN_VALUE),
                    cents(r.maxRate(), RoundingMode.FLOOR, Long.MAX_VALUE)));
        }
        return filters;
    }

    private static long cents(BigDecimal amount, RoundingMode rounding, long none) {
        return amount == null ? none : amount.setScale(2, rounding).movePointRight(2).longValueExact();
    }

    /**
     * Where a relevance page starts: the last listing's score and doc number, exact in the snapshot that
     * page was read from. If that snapshot is no longer kept, listings with the same score are skipped (a
     * rare tie at a page boundary, after 10 minutes, may then be missed).
     */
    private static ScoreDoc relevanceAfter(SearchRequest.After after, long version, IndexSearcher searcher) {
        if (after == null) {
            return null;
        }
        float score = Float.intBitsToFloat((int) (after.key() >>> 32));
        int doc = after.snapshot() == version ? (int) after.key() : searcher.getIndexReader().maxDoc() - 1;
        return new ScoreDoc(Math.min(doc, Math.max(0, searcher.getIndexReader().maxDoc() - 1)), score);
    }

    /**
     * The field sorts (relevance pages are read by top scores instead): each ends with the listing id
     * (unsigned byte order, as PostgreSQL orders uuids), so ties are stable.
     */
    private static Sort sort(SearchSort sort) {
        return switch (sort) {
            case RELEVANCE -> throw new IllegalArgumentException("relevance is not a field sort");
            case NEWEST -> new Sort(new SortField(ListingDocument.PUBLISHED, SortField.Type.LONG, true),
                    new SortField(ListingDocument.ID_SORT, SortField.Type.STRING, true));
            case RATE -> new Sort(new SortField(ListingDocument.AMOUNT, SortField.Type.LONG),
                    new SortField(ListingDocument.ID_SORT, SortField.Type.STRING));
        };
    }

    /**
     * The position after a page's last listing. Its doc number only breaks ties between equal sort values,
     * which the unique id already does except for that listing itself: the last doc number skips it.
     */
    private static FieldDoc after(SearchRequest.After after, IndexSearcher searcher) {
        return new FieldDoc(Math.max(0, searcher.getIndexReader().maxDoc() - 1), Float.NaN,
                new Object[] {after.key(), ListingDocument.idBytes(after.id())});
    }

    private static SearchRequest.After afterOf(long version, FieldDoc last) {
        return new SearchRequest.After(version, (Long) last.fields[0], ListingDocument.uuid((BytesRef) last.fields[1]));
    }

    private static Map<String, Map<String, Long>> facets(Snapshot snapshot, FacetsCollector found) throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        SortedSetDocValuesFacetCounts counts = snapshot.facets == null ? null
                : new SortedSetDocValuesFacetCounts(snapshot.facets, found);
        for (String dim : ListingDocument.FACETS) {
            Map<String, Long> values = new LinkedHashMap<>();
            FacetResult result = null;
            if (counts != null && snapshot.facets.getOrdRange(dim) != null) {
                result = counts.getAllChildren(dim);
            }
            if (result != null) {
                Stream.of(result.labelValues)
                        .sorted(Comparator.comparingLong((LabelAndValue lv) -> -lv.value.longValue()).thenComparing(lv -> lv.label))
                        .forEach(lv -> values.put(lv.label, lv.value.longValue()));
            }
            out.put(dim, values);
        }
        return out;
    }

    /** Type-ahead completions (see {@link Suggestions}). */
    public List<String> suggest(String prefix, ListingLanguage language, int limit) {
        return suggestions.complete(prefix, language, limit);
    }

    /** Rebuilds the type-ahead phrases from the current titles (scheduled; see {@link Suggestions}). */
    public void rebuildSuggestions() {
        if (open) {
            suggestions.rebuild(searchers);
        }
    }

    long documents() {
        if (!open) {
            return 0;
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            return -1;
        }
    }

    long sizeInBytes() {
        if (folder == null) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        try {
            cursors.close();
            searchers.close();
            writer.close();
            directory.close();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            LOG.warnf("Search index: could not remove %s: %s", folder, e.toString());
        }
    }
}
