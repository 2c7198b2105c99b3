package ca.pupitre.listings.repository;

import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What search asks PostgreSQL: which published listings match a text query and their scores. Full
 * text in French and English over unaccented text (see V1 migration), OR'ed in typo mode with pg_trgm
 * word similarity on titles and skill names, ranked by {@code ts_rank} (title A > skills B >
 * description C; measured 2-3x cheaper per row than {@code ts_rank_cd}, whose proximity weighting buys
 * little on short listings) plus a small trigram bonus.
 *
 * <p>Each answer is read in one REPEATABLE READ snapshot together with the change-feed position it is
 * exact at, so the search index can later apply exactly the changes that followed. Every value is
 * bound as a parameter; only fixed SQL fragments are concatenated.
 */
@ApplicationScoped
public class ListingSearchRepository {

    /** What a text query selects: a tsquery (text form, empty for none) and a trigram text (null for none). */
    public record TextKey(String tsquery, String fuzzy) {

        /** No text at all: every published listing. */
        public static final TextKey ALL = new TextKey("", null);

        public boolean all() {
            return tsquery.isEmpty() && fuzzy == null;
        }
    }

    /** Every match of a text query, exact at change-feed position {@code seq}. */
    public record Loaded(long seq, List<SearchMatch> matches) {
    }

    /**
     * The listings changed after a position ({@code changed}), and for each key asked about, those of them
     * it matches now. {@code overflow}: more changes than asked for; only {@code seq} is set.
     */
    public record Patch(long seq, Set<UUID> changed, List<List<SearchMatch>> current, boolean overflow) {
    }

    private static final String COLUMNS = "l.id, l.published_at, l.expires_at, l.pricing_amount, l.kind, l.region, l.remote,"
            + " array_to_string(l.skills, ','), array_to_string(l.languages, ','), l.pricing_unit";

    /**
     * The score of one key in a patch, where the key comes from {@code unnest} (column {@code k}). Its
     * arithmetic gives exactly the same float8 as the specialized expressions of {@link #load}.
     */
    private static final String ANY_KEY_SCORE = "(case when k.tsq <> '' then ts_rank(l.search_document, cast(k.tsq as tsquery))"
            + " else 0::real end + case when k.fuzzy is not null then 0.1 * public.word_similarity(k.fuzzy, l.search_trgm)"
            + " else 0::float8 end)::float8";
    private static final String ANY_KEY_MATCH = "((k.tsq = '' and k.fuzzy is null)"
            + " or (k.tsq <> '' and l.search_document @@ cast(k.tsq as tsquery))"
            + " or (k.fuzzy is not null and k.fuzzy operator(public.<%) l.search_trgm))";
    private static final int FETCH_SIZE = 5_000;

    private final EntityManager em;
    private final DataSource dataSource;

    public ListingSearchRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * The bilingual tsquery of a search, as text ({@code ''} when only stop words remain). Computed by
     * its own statement so the match query sees a constant: inside it the plpgsql function would be
     * evaluated once per candidate row (and its notices would pile up in the driver).
     */
    public String tsquery(String text, List<String> synonymGroups) {
        Object result = em.createNativeQuery("select cast(bilingual_tsquery(:q, string_to_array(:groups, '|')) as text)")
                .setParameter("q", text == null ? "" : text).setParameter("groups", String.join("|", synonymGroups))
                .getSingleResult();
        return result == null ? "" : result.toString();
    }

    /**
     * Every published listing the key matches (expired ones too: search filters by its own clock), from
     * {@code listing_search}, the narrow copy of published listings (V4 migration).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Loaded load(TextKey key) {
        String score;
        String where;
        List<Object> params = new ArrayList<>();
        boolean text = !key.tsquery().isEmpty();
        if (key.all()) {
            score = "0::float8";
            where = "";
        } else if (key.fuzzy() == null) {
            score = "ts_rank(l.search_document, cast(? as tsquery))::float8";
            where = " and l.search_document @@ cast(? as tsquery)";
            params.add(key.tsquery());
            params.add(key.tsquery());
        } else if (!text) {
            score = "(0.1 * public.word_similarity(?, l.search_trgm))::float8";
            where = " and ? operator(public.<%) l.search_trgm";
            params.add(key.fuzzy());
            params.add(key.fuzzy());
        } else {
            score = "(ts_rank(l.search_document, cast(? as tsquery)) + 0.1 * public.word_similarity(?, l.search_trgm))::float8";
            where = " and (l.search_document @@ cast(? as tsquery) or ? operator(public.<%) l.search_trgm)";
            params.addAll(List.of(key.tsquery(), key.fuzzy(), key.tsquery(), key.fuzzy()));
        }
        String sql = "select " + COLUMNS + ", " + score + " from listing_search l where true" + where;
        return inSnapshot(conn -> {
            long seq = highWater(conn);
            List<SearchMatch> matches = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, (String) params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        matches.add(match(rs, 0));
                    }
                }
            }
            return new Loaded(seq, matches);
        });
    }

    /** The changes committed after {@code seq} (at most {@code max}) and what each key matches among them now. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Patch changesAfter(long seq, List<TextKey> keys, int max) {
        return inSnapshot(conn -> {
            Set<UUID> changed = new LinkedHashSet<>();
            long last = seq;
            int rows = 0;
            try (PreparedStatement ps = conn.prepareStatement(
                    "select seq, listing_id from listing_change where seq > ? order by seq limit ?")) {
                ps.setLong(1, seq);
                ps.setInt(2, max + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        changed.add(rs.getObject(2, UUID.class));
                        rows++;
                    }
                }
            }
            List<List<SearchMatch>> current = new ArrayList<>();
            keys.forEach(k -> current.add(new ArrayList<>()));
            if (rows > max) {
                return new Patch(highWater(conn), Set.of(), List.of(), true);
            }
            if (changed.isEmpty() || keys.isEmpty()) {
                return new Patch(last, changed, current, false);
            }
            try (PreparedStatement ps = conn.prepareStatement("select k.n, " + COLUMNS + ", " + ANY_KEY_SCORE
                    + " from listing_search l cross join unnest(cast(? as text[]), cast(? as text[])) with ordinality as k(tsq, fuzzy, n)"
                    + " where l.id = any(cast(? as uuid[])) and " + ANY_KEY_MATCH)) {
                ps.setArray(1, conn.createArrayOf("text", keys.stream().map(TextKey::tsquery).toArray()));
                ps.setArray(2, conn.createArrayOf("text", keys.stream().map(TextKey::fuzzy).toArray()));
                ps.setArray(3, conn.createArrayOf("uuid", changed.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        current.get((int) rs.getLong(1) - 1).add(match(rs, 1));
                    }
                }
            }
            return new Patch(last, changed, current, false);
        });
    }

    /** The position of the last committed change. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long highWater() {
        return inSnapshot(ListingSearchRepository::highWater);
    }

    private static long highWater(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select coalesce(max(seq), 0) from listing_change");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static SearchMatch match(ResultSet rs, int offset) throws SQLException {
        UUID id = rs.getObject(offset + 1, UUID.class);
        OffsetDateTime published = rs.getObject(offset + 2, OffsetDateTime.class);
        OffsetDateTime expires = rs.getObject(offset + 3, OffsetDateTime.class);
        BigDecimal amount = rs.getBigDecimal(offset + 4);
        String region = rs.getString(offset + 6);
        return new SearchMatch(id.getMostSignificantBits(), id.getLeastSignificantBits(), rs.getDouble(offset + 11),
                micros(published), micros(expires), amount.movePointRight(2).longValueExact(),
                (byte) PricingUnit.valueOf(rs.getString(offset + 10)).ordinal(),
                (byte) ListingKind.valueOf(rs.getString(offset + 5)).ordinal(),
                (byte) (region == null ? 0 : Integer.parseInt(region)), rs.getBoolean(offset + 7),
                SearchCodes.SKILLS.internAll(rs.getString(offset + 8)), SearchCodes.LANGUAGES.internAll(rs.getString(offset + 9)));
    }

    /** Epoch microseconds; a missing time sorts first and never counts as "after now". */
    private static long micros(OffsetDateTime t) {
        if (t == null) {
            return Long.MIN_VALUE;
        }
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private interface SnapshotWork<T> {
        T run(Connection conn) throws SQLException;
    }

    /** One read-only REPEATABLE READ transaction: the change position and the rows agree. */
    private <T> T inSnapshot(SnapshotWork<T> work) {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            conn.setReadOnly(true);
            try {
                T result = work.run(conn);
                conn.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setReadOnly(false);
                conn.setAutoCommit(true);
                conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Search query failed", e);
        }
    }
}
