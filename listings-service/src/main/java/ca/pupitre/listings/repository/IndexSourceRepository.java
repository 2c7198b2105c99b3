package ca.pupitre.listings.repository;

import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What the search index reads from PostgreSQL, the system of record: every published listing (to build
 * the index at start) and the listings changed after a change-feed position (to keep it exact). Each
 * read runs in one REPEATABLE READ snapshot together with the change-feed position it is exact at; the
 * feed's seq order is its commit order (see ListingChangeRepository), so applying the changes after
 * that position, in order, misses none.
 */
@ApplicationScoped
public class IndexSourceRepository {

    /** The fields of a published listing that search indexes, filters, sorts and counts on. */
    public record IndexedListing(UUID id, ListingKind kind, String titleFr, String titleEn, String descriptionFr,
            String descriptionEn, List<String> skills, List<String> languages, PricingUnit unit, BigDecimal amount,
            String region, boolean remote, Instant publishedAt, Instant expiresAt, UUID ownerId, boolean anonymous) {
    }

    /** The listings changed after a position: {@code published} holds those published now; the others leave the index. */
    public record Changes(long seq, Set<UUID> changed, List<IndexedListing> published) {
    }

    private static final String COLUMNS = "id, kind, title_fr, title_en, description_fr, description_en, skills, languages,"
            + " pricing_unit, pricing_amount, region, remote, published_at, expires_at, owner_id, anonymous";
    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;

    public IndexSourceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Streams every published listing to {@code each}; returns the change-feed position the stream is exact at. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long allPublished(Consumer<IndexedListing> each) {
        return inSnapshot(conn -> {
            long seq = highWater(conn);
            try (PreparedStatement ps = conn.prepareStatement("select " + COLUMNS + " from listing where status = 'PUBLISHED'")) {
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(row(rs));
                    }
                }
            }
            return seq;
        });
    }

    /** The listings changed after {@code seq}, at most {@code max} change rows (call again from the returned seq for more). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Changes changesAfter(long seq, int max) {
        return inSnapshot(conn -> {
            Set<UUID> changed = new LinkedHashSet<>();
            long last = seq;
            try (PreparedStatement ps = conn.prepareStatement(
                    "select seq, listing_id from listing_change where seq > ? order by seq limit ?")) {
                ps.setLong(1, seq);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        changed.add(rs.getObject(2, UUID.class));
                    }
                }
            }
            List<IndexedListing> published = new ArrayList<>();
            if (!changed.isEmpty()) {
                try (PreparedStatement ps = conn.prepareStatement("select " + COLUMNS
                        + " from listing where id = any(?) and status = 'PUBLISHED'")) {
                    ps.setArray(1, conn.createArrayOf("uuid", changed.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            published.add(row(rs));
                        }
                    }
                }
            }
            return new Changes(last, changed, published);
        });
    }

    /** The position of the last committed change. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long highWater() {
        return inSnapshot(IndexSourceRepository::highWater);
    }

    private static long highWater(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("select coalesce(max(seq), 0) from listing_change");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static IndexedListing row(ResultSet rs) throws SQLException {
        return new IndexedListing(rs.getObject(1, UUID.class), ListingKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), strings(rs.getArray(7)), strings(rs.getArray(8)),
                PricingUnit.valueOf(rs.getString(9)), rs.getBigDecimal(10), rs.getString(11), rs.getBoolean(12),
                instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)), rs.getObject(15, UUID.class), rs.getBoolean(16));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
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
            throw new IllegalStateException("Reading listings for the search index failed", e);
        }
    }
}
