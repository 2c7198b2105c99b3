package ca.pupitre.listings.service;

import ca.pupitre.listings.config.ListingsConfig;
import ca.pupitre.listings.domain.Listing;
import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import ca.pupitre.listings.domain.SearchSort;
import ca.pupitre.listings.repository.ListingRepository;
import ca.pupitre.listings.repository.ListingSearchRepository;
import ca.pupitre.listings.repository.ListingSearchRepository.TextKey;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import ca.pupitre.listings.repository.SearchCriteria;
import ca.pupitre.listings.rest.dto.SearchPage;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Public search: validates the parameters (400 INVALID_PARAMETER naming the bad one), expands the text
 * with the skills taxonomy, and pages with an opaque keyset cursor. Only published, unexpired listings.
 */
@ApplicationScoped
public class SearchService {

    static final int QUERY_MAX = 200;
    /** A text made only of stop words matches nothing. */
    private static final MatchSet.Result EMPTY = new MatchSet.Result(List.of(),
            new MatchSet.Counts(0, Map.of(), Map.of(), Map.of()));
    private static final String FUZZY = "~";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\uFFFE\\uFFFF]");

    private final ListingSearchRepository search;
    private final ListingRepository listings;
    private final SkillTaxonomy taxonomy;
    private final ListingViews views;
    private final ListingsConfig config;
    private final Clock clock;
    private final SearchCache cache;
    private final SearchIndex index;
    /** A text's tsquery never changes (fixed function, fixed taxonomy): computed once per text. */
    private final Cache<List<Object>, String> tsqueries = Caffeine.newBuilder().maximumSize(10_000).build();

    public SearchService(ListingSearchRepository search, ListingRepository listings, SkillTaxonomy taxonomy,
            ListingViews views, ListingsConfig config, Clock clock, SearchCache cache, SearchIndex index) {
        this.cache = cache;
        this.index = index;
        this.search = search;
        this.listings = listings;
        this.taxonomy = taxonomy;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    /** Raw query parameters, as received. */
    public record Params(String q, String kind, List<String> skills, List<String> languages, String region, Boolean remote,
            String unit, String minRate, String maxRate, String sort, String cursor, Integer limit) {
    }

    /** One page of results, from the short-lived {@link SearchCache} when the same search ran recently. */
    public SearchPage search(Params p) {
        index.refreshIfDue();
        return cache.get(p, index.generation(), this::compute);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    SearchPage compute(Params p) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String q = p.q() == null ? null : CONTROL.matcher(p.q()).replaceAll(" ").strip();
        if (q != null && q.length() > QUERY_MAX) {
            throw invalid("q");
        }
        if (q != null && q.isEmpty()) {
            q = null;
        }
        String text = null;
        List<String> groups = List.of();
        String fuzzy = null;
        if (q != null) {
            SkillTaxonomy.Expansion expansion = taxonomy.expand(q);
            groups = expansion.groups();
            text = groups.isEmpty() ? q : (expansion.rest().isEmpty() ? null : expansion.rest());
            String normalized = SkillTaxonomy.normalize(q);
            fuzzy = normalized.length() >= 4 ? normalized : null;
            if (text == null && groups.isEmpty()) {
                fuzzy = null;
            }
        }
        ListingKind kind = parseEnum(ListingKind.class, p.kind(), "kind");
        PricingUnit unit = parseEnum(PricingUnit.class, p.unit(), "unit");
        SearchSort sort = p.sort() == null ? SearchSort.RELEVANCE : parseEnum(SearchSort.class, p.sort(), "sort");
        List<String> skills = new ArrayList<>();
        for (String skill : split(p.skills())) {
            if (!taxonomy.exists(skill)) {
                throw invalid("skill");
            }
            skills.add(skill);
        }
        List<String> languages = new ArrayList<>();
        for (String language : split(p.languages())) {
            if (!LANGUAGE.matcher(language).matches()) {
                throw invalid("language");
            }
            languages.add(language);
        }
        if (p.region() != null && !ListingValidator.REGION.matcher(p.region()).matches()) {
            throw invalid("region");
        }
        BigDecimal minRate = decimal(p.minRate(), "minRate");
        BigDecimal maxRate = decimal(p.maxRate(), "maxRate");
        int limit = pageSize(p.limit(), config);

        boolean textQuery = text != null || !groups.isEmpty();
        String tsquery = textQuery ? tsquery(text, groups) : "";
        SearchSort effective = textQuery || sort != SearchSort.RELEVANCE ? sort : SearchSort.NEWEST;
        Double afterScore = null;
        Instant afterPublishedAt = null;
        BigDecimal afterAmount = null;
        UUID afterId = null;
        Boolean fuzzyMode = null;
        if (p.cursor() != null && !p.cursor().isBlank()) {
            List<String> parts = Cursors.decodeAny(p.cursor(), List.of(effective.name(), effective.name() + FUZZY), 2);
            fuzzyMode = parts.get(0).endsWith(FUZZY);
            try {
                switch (effective) {
                    case RELEVANCE -> afterScore = Double.valueOf(parts.get(1));
                    case NEWEST -> afterPublishedAt = Instant.parse(parts.get(1));
                    case RATE -> afterAmount = new BigDecimal(parts.get(1));
                }
                afterId = UUID.fromString(parts.get(2));
            } catch (RuntimeException malformed) {
                throw Cursors.invalid();
            }
        }
        // Typo tolerance only when full text finds few listings (decided on the first page, kept by the cursor).
        MatchSet.Result result = null;
        if (fuzzyMode == null) {
            fuzzyMode = false;
            if (fuzzy != null) {
                if (tsquery.isEmpty()) {
                    fuzzyMode = true;
                } else {
                    result = index.get(new TextKey(tsquery, null)).select(new SearchCriteria(text, groups, tsquery, null, kind,
                            skills, languages, p.region(), p.remote(), unit, minRate, maxRate, effective, now, limit + 1, null, null,
                            null, null), effective);
                    fuzzyMode = result.counts().total() < config.fuzzyFallbackBelow();
                    if (fuzzyMode) {
                        result = null;
                    }
                }
            }
        }
        SearchCriteria criteria = new SearchCriteria(text, groups, tsquery, fuzzyMode ? fuzzy : null, kind, skills, languages,
                p.region(), p.remote(), unit, minRate, maxRate, effective, now, limit + 1, afterScore, afterPublishedAt, afterAmount,
                afterId);
        if (result == null) {
            TextKey key = !textQuery ? TextKey.ALL : new TextKey(tsquery, criteria.fuzzy());
            result = textQuery && key.all() ? EMPTY : index.get(key).select(criteria, effective);
        }
        List<MatchSet.Hit> hits = result.hits();
        boolean more = hits.size() > limit;
        List<MatchSet.Hit> shown = more ? hits.subList(0, limit) : hits;
        Map<UUID, Listing> loaded = listings.findAllById(shown.stream().map(MatchSet.Hit::id).toList());
        String next = null;
        if (more) {
            MatchSet.Hit last = shown.get(shown.size() - 1);
            Object key = switch (effective) {
                case RELEVANCE -> Double.toString(last.score());
                case NEWEST -> last.publishedAt();
                case RATE -> last.amount().toPlainString();
            };
            next = Cursors.encode(effective.name() + (fuzzyMode ? FUZZY : ""), key, last.id());
        }
        MatchSet.Counts counts = result.counts();
        return new SearchPage(
                shown.stream().map(h -> loaded.get(h.id())).filter(l -> l != null).map(l -> views.publicView(l, now)).toList(),
                next, counts.total(), new SearchPage.Facets(counts.skills(), counts.languages(), counts.regions()));
    }

    private String tsquery(String text, List<String> groups) {
        return tsqueries.get(java.util.Arrays.asList(text, groups), key -> search.tsquery(text, groups));
    }

    static int pageSize(Integer limit, ListingsConfig config) {
        if (limit == null) {
            return config.defaultPageSize();
        }
        if (limit < 1 || limit > config.maxPageSize()) {
            throw invalid("limit");
        }
        return limit;
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            out.add(part.strip());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static BigDecimal decimal(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal parsed = new BigDecimal(value.strip());
            if (parsed.signum() < 0 || parsed.compareTo(new BigDecimal("1000000")) > 0) {
                throw invalid(name);
            }
            return parsed;
        } catch (NumberFormatException malformed) {
            throw invalid(name);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw invalid(name);
        }
    }

    static ProblemException invalid(String parameter) {
        return ProblemException.badRequest("INVALID_PARAMETER", parameter);
    }
}
