package ca.pupitre.listings.repository;

import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import ca.pupitre.listings.feed.FeedListing;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads for partner feeds over plain JDBC, outside Hibernate: a snapshot is a server-side cursor
 * (autocommit off + fetch size, which is what makes the PostgreSQL driver stream) read row by row into
 * a {@link FeedListing} handed to the caller and dropped, so memory stays flat whatever the number of
 * listings. The owner id is never selected.
 */
@ApplicationScoped
public class FeedRepository {

    private static final String COLUMNS = "id, kind, title_fr, title_en, description_fr, description_en, skills, languages,"
            + " pricing_unit, pricing_amount, currency, hours_per_week, remote, region, start_date, public_name, anonymous,"
            + " published_at, expires_at, updated_at";

    private final DataSource dataSource;

    public FeedRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Receives each row while the cursor is open; may throw (the cursor is then closed). */
    @FunctionalInterface
    public interface RowHandler {
        void accept(FeedListing listing) throws Exception;
    }

    /**
     * Streams every publicly visible listing of {@code kind} as of {@code now} (PUBLISHED, not past its
     * expiry; hidden and drafts have other statuses), newest first, at most {@code limit} (0: all).
     *
     * @return the number of rows handed over
     */
    public long streamVisible(ListingKind kind, Instant now, int limit, int fetchSize, RowHandler handler) throws Exception {
        String sql = "select " + COLUMNS + " from listing where kind = ? and status = 'PUBLISHED' and expires_at > ?"
                + " order by published_at desc, id desc" + (limit > 0 ? " limit " + limit : "");
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(fetchSize);
                statement.setString(1, kind.name());
                statement.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        handler.accept(row(rows));
                        count++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
        return count;
    }

    /**
     * What a feed's validators are computed from, in two index lookups: the last change (sequence and
     * time) and the latest expiry already passed among listings still stored PUBLISHED (a lazy expiry
     * changes the snapshots without writing a change; this value moves forward when one happens).
     */
    public Watermark watermark(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select (select seq from listing_change order by seq desc limit 1),"
                                + " (select changed_at from listing_change order by seq desc limit 1),"
                                + " (select max(expires_at) from listing where status = 'PUBLISHED' and expires_at <= ?)")) {
            statement.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long seq = rs.getLong(1);
                return new Watermark(seq, instant(rs, 2), instant(rs, 3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Feed watermark query failed", e);
        }
    }

    /** Last change sequence and time, and the latest lazy expiry (nulls when none). */
    public record Watermark(long seq, Instant changedAt, Instant lastExpiry) {
    }

    private static FeedListing row(ResultSet rs) throws SQLException {
        return new FeedListing((UUID) rs.getObject(1), ListingKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), strings(rs.getArray(7)), strings(rs.getArray(8)),
                PricingUnit.valueOf(rs.getString(9)), rs.getBigDecimal(10), rs.getString(11),
                (Integer) rs.getObject(12), rs.getBoolean(13), rs.getString(14), rs.getObject(15, LocalDate.class),
                rs.getString(16), rs.getBoolean(17), instant(rs, 18), instant(rs, 19), instant(rs, 20));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
