package ca.pupitre.listings.repository;

import ca.pupitre.listings.domain.SearchSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Search over published, unexpired listings: PostgreSQL full-text search in French and English
 * (over unaccented text, see V1 migration), OR'ed with pg_trgm word similarity on titles and skill
 * names for typos, ranked by {@code ts_rank} (title A > skills B > description C; measured 2-3x cheaper per row than
 * {@code ts_rank_cd}, whose proximity weighting buys little on short listings) plus a small trigram bonus. Every value is bound as a
 * parameter; only fixed SQL fragments are concatenated.
 */
@ApplicationScoped
public class ListingSearchRepository {

    /** Weight of the trigram similarity in the score: enough to order typo matches, never above a real match. */
    static final String SCORE_WITH_FUZZY =
            "(ts_rank(l.search_document, cast(:tsq as tsquery)) + 0.1 * public.word_similarity(:fuzzy, l.search_trgm))::float8";
    static final String SCORE = "ts_rank(l.search_document, cast(:tsq as tsquery))::float8";

    private final EntityManager em;

    public ListingSearchRepository(EntityManager em) {
        this.em = em;
    }

    public record Hit(UUID id, double score, Instant publishedAt, BigDecimal amount) {
    }

    public record Counts(long total, Map<String, Long> skills, Map<String, Long> languages, Map<String, Long> regions) {
    }

    /**
     * The bilingual tsquery of a search, as text ({@code ''} when only stop words remain). Computed by
     * its own statement so the page and count queries see a constant: inside them the plpgsql function
     * would be evaluated once per candidate row (and its notices would pile up in the driver).
     */
    public String tsquery(String text, List<String> synonymGroups) {
        Object result = em.createNativeQuery("select cast(bilingual_tsquery(:q, string_to_array(:groups, '|')) as text)")
                .setParameter("q", text == null ? "" : text).setParameter("groups", String.join("|", synonymGroups))
                .getSingleResult();
        return result == null ? "" : result.toString();
    }

    /** One page (up to {@code limit} rows) after the keyset position. */
    @SuppressWarnings("unchecked")
    public List<Hit> page(SearchCriteria c) {
        Map<String, Object> params = new HashMap<>();
        String score;
        if (!c.hasTextQuery()) {
            score = "0::float8";
        } else if (c.tsquery().isEmpty()) {
            score = c.fuzzy() != null ? "(0.1 * public.word_similarity(:fuzzy, l.search_trgm))::float8" : "0::float8";
        } else {
            score = c.fuzzy() != null ? SCORE_WITH_FUZZY : SCORE;
        }
        StringBuilder sql = new StringBuilder("select s.id, s.score, s.published_at, s.pricing_amount from (select l.id, ")
                .append(score).append(" as score, l.published_at, l.pricing_amount").append(from(c, params)).append(") s");
        SearchSort sort = effectiveSort(c);
        if (c.afterId() != null) {
            params.put("cid", c.afterId());
            switch (sort) {
                case RELEVANCE -> {
                    sql.append(" where (s.score < :cs or (s.score = :cs and s.id > :cid))");
                    params.put("cs", c.afterScore());
                }
                case NEWEST -> {
                    sql.append(" where (s.published_at < :ct or (s.published_at = :ct and s.id < :cid))");
                    params.put("ct", c.afterPublishedAt());
                }
                case RATE -> {
                    sql.append(" where (s.pricing_amount > :ca or (s.pricing_amount = :ca and s.id > :cid))");
                    params.put("ca", c.afterAmount());
                }
            }
        }
        sql.append(switch (sort) {
            case RELEVANCE -> " order by s.score desc, s.id";
            case NEWEST -> " order by s.published_at desc, s.id desc";
            case RATE -> " order by s.pricing_amount, s.id";
        });
        sql.append(" limit :limit");
        params.put("limit", c.limit());
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Hit((UUID) r[0], ((Number) r[1]).doubleValue(),
                ListingChangeRepository.toInstant(r[2]), (BigDecimal) r[3])).toList();
    }

    /** Total and facet counts over the whole filtered result (not just one page). */
    @SuppressWarnings("unchecked")
    public Counts counts(SearchCriteria c) {
        Map<String, Object> params = new HashMap<>();
        String sql = "with m as (select l.skills, l.languages, l.region" + from(c, params) + ")"
                + " select 't', null::text, count(*) from m"
                + " union all select 's', f.v, count(*) from m cross join lateral unnest(m.skills) as f(v) group by f.v"
                + " union all select 'l', f.v, count(*) from m cross join lateral unnest(m.languages) as f(v) group by f.v"
                + " union all select 'r', m.region, count(*) from m where m.region is not null group by m.region";
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        long total = 0;
        Map<String, Long> skills = new LinkedHashMap<>();
        Map<String, Long> languages = new LinkedHashMap<>();
        Map<String, Long> regions = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long count = ((Number) row[2]).longValue();
            switch ((String) row[0]) {
                case "t" -> total = count;
                case "s" -> skills.put((String) row[1], count);
                case "l" -> languages.put((String) row[1], count);
                default -> regions.put((String) row[1], count);
            }
        }
        return new Counts(total, sortByCount(skills), sortByCount(languages), sortByCount(regions));
    }

    static SearchSort effectiveSort(SearchCriteria c) {
        return c.sort() == SearchSort.RELEVANCE && !c.hasTextQuery() ? SearchSort.NEWEST : c.sort();
    }

    private static Map<String, Long> sortByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String from(SearchCriteria c, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" from listing l");
        sql.append(" where l.status = 'PUBLISHED' and l.expires_at > :now");
        params.put("now", c.now());
        if (c.kind() != null) {
            sql.append(" and l.kind = :kind");
            params.put("kind", c.kind().name());
        }
        if (!c.skills().isEmpty()) {
            sql.append(" and l.skills @> string_to_array(:skills, ',')");
            params.put("skills", String.join(",", c.skills()));
        }
        if (!c.languages().isEmpty()) {
            sql.append(" and l.languages @> string_to_array(:languages, ',')");
            params.put("languages", String.join(",", c.languages()));
        }
        if (c.region() != null) {
            sql.append(" and l.region = :region");
            params.put("region", c.region());
        }
        if (c.remote() != null) {
            sql.append(" and l.remote = :remote");
            params.put("remote", c.remote());
        }
        if (c.minRate() != null) {
            sql.append(" and l.pricing_amount >= :minRate");
            params.put("minRate", c.minRate());
        }
        if (c.maxRate() != null) {
            sql.append(" and l.pricing_amount <= :maxRate");
            params.put("maxRate", c.maxRate());
        }
        if (c.hasTextQuery()) {
            List<String> matches = new java.util.ArrayList<>();
            if (!c.tsquery().isEmpty()) {
                matches.add("l.search_document @@ cast(:tsq as tsquery)");
                params.put("tsq", c.tsquery());
            }
            if (c.fuzzy() != null) {
                matches.add(":fuzzy operator(public.<%) l.search_trgm");
                params.put("fuzzy", c.fuzzy());
            }
            sql.append(matches.isEmpty() ? " and false" : " and (" + String.join(" or ", matches) + ")");
        }
        return sql.toString();
    }
}
