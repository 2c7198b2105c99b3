package ca.pupitre.listings.service;

import ca.pupitre.listings.api.SearchPage;
import ca.pupitre.listings.config.ListingsConfig;
import ca.pupitre.listings.domain.Listing;
import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import ca.pupitre.listings.domain.SearchSort;
import ca.pupitre.listings.repository.ListingRepository;
import ca.pupitre.listings.search.ListingIndex;
import ca.pupitre.listings.search.ListingLanguage;
import ca.pupitre.listings.search.SearchRequest;
import ca.pupitre.listings.search.SearchResult;
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
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Public search: validates the parameters (400 INVALID_PARAMETER naming the bad one), asks the Lucene
 * index ({@link ListingIndex}) for one page of matching ids with the exact total and facets, and shows
 * those listings as PostgreSQL has them now. Only published, unexpired listings; cursors are opaque.
 */
@ApplicationScoped
public class SearchService {

    static final int QUERY_MAX = 200;
    static final int SUGGEST_MAX = 60;
    static final int SUGGEST_LIMIT = 10;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    /** Control characters, lone surrogates and non-characters: spaces for the engine. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\uFFFE\\uFFFF]");

    private final ListingIndex index;
    private final ListingRepository listings;
    private final SkillTaxonomy taxonomy;
    private final ListingViews views;
    private final ListingsConfig config;
    private final Clock clock;

    public SearchService(ListingIndex index, ListingRepository listings, SkillTaxonomy taxonomy, ListingViews views,
            ListingsConfig config, Clock clock) {
        this.index = index;
        this.listings = listings;
        this.taxonomy = taxonomy;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    /** Raw query parameters, as received. */
    public record Params(String q, String kind, List<String> skills, List<String> languages, String region, Boolean remote,
            String unit, String minRate, String maxRate, String sort, String cursor, Integer limit, String owner) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SearchPage search(Params p) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String q = text(p.q(), QUERY_MAX, "q");
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
        UUID owner = null;
        if (p.owner() != null && !p.owner().isBlank()) {
            try {
                owner = UUID.fromString(p.owner().strip());
            } catch (IllegalArgumentException notAnId) {
                throw invalid("owner");
            }
        }
        BigDecimal minRate = decimal(p.minRate(), "minRate");
        BigDecimal maxRate = decimal(p.maxRate(), "maxRate");
        int limit = pageSize(p.limit(), config);
        // Without text, "relevance" has nothing to rank by: newest first.
        SearchSort effective = q != null || sort != SearchSort.RELEVANCE ? sort : SearchSort.NEWEST;
        SearchRequest.After after = null;
        if (p.cursor() != null && !p.cursor().isBlank()) {
            List<String> parts = Cursors.decode(p.cursor(), effective.name(), 3);
            try {
                after = new SearchRequest.After(Long.parseLong(parts.get(0)), Long.parseLong(parts.get(1)),
                        UUID.fromString(parts.get(2)));
            } catch (RuntimeException malformed) {
                throw Cursors.invalid();
            }
        }
        SearchResult result = index.search(new SearchRequest(q, kind, skills, languages, p.region(), p.remote(), unit, minRate,
                maxRate, effective, now, limit, after, owner));
        Map<UUID, Listing> loaded = listings.findAllById(result.ids());
        String next = result.next() == null ? null
                : Cursors.encode(effective.name(), result.next().snapshot(), result.next().key(), result.next().id());
        // A later page may read an older index snapshot: show only what is still public now.
        return new SearchPage(result.ids().stream().map(loaded::get).filter(Objects::nonNull).filter(l -> l.publiclyVisible(now))
                .map(l -> views.publicView(l, now)).toList(), next, result.total(),
                new SearchPage.Facets(result.skills(), result.languages(), result.regions()), result.didYouMean());
    }

    /** Type-ahead completions of {@code q} in {@code lang} (fr by default). */
    public List<String> suggest(String q, String lang) {
        String prefix = text(q, SUGGEST_MAX, "q");
        ListingLanguage language = lang == null || lang.isBlank() ? ListingLanguage.FR : switch (lang.strip().toLowerCase(Locale.ROOT)) {
            case "fr", "fr-ca" -> ListingLanguage.FR;
            case "en", "en-ca" -> ListingLanguage.EN;
            default -> throw invalid("lang");
        };
        return prefix == null ? List.of() : index.suggest(prefix, language, SUGGEST_LIMIT);
    }

    /** The text without control characters, stripped; null when empty; 400 when longer than {@code max}. */
    private static String text(String raw, int max, String name) {
        if (raw == null) {
            return null;
        }
        String text = CONTROL.matcher(raw).replaceAll(" ").strip();
        if (text.length() > max) {
            throw invalid(name);
        }
        return text.isEmpty() ? null : text;
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
            if (value.length() > ListingValidator.NUMBER_TEXT_MAX) {
                throw invalid(name); // as for a listing's amount: no padded text is parsed
            }
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
