package ca.pupitre.listings.repository;

import ca.pupitre.listings.domain.ListingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The change feed table. {@link #record} must be the LAST write of a transaction: it takes the
 * transaction-scoped advisory lock {@link #FEED_LOCK} just before drawing the sequence value, and the
 * lock is held until commit, so sequence order equals commit order (see README, "Change feed").
 */
@ApplicationScoped
public class ListingChangeRepository {

    /** Advisory lock key serializing the end of listing write transactions ("LSTCHG" in ASCII). */
    public static final long FEED_LOCK = 0x4C53_5443_4847L;

    private final EntityManager em;

    public ListingChangeRepository(EntityManager em) {
        this.em = em;
    }

    public void record(UUID listingId, String op, ListingStatus status, Instant at) {
        em.flush();
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:key)) locked")
                .setParameter("key", FEED_LOCK).getSingleResult();
        em.createNativeQuery("insert into listing_change (listing_id, op, status, changed_at) values (:id, :op, :status, :at)")
                .setParameter("id", listingId).setParameter("op", op).setParameter("status", status.name())
                .setParameter("at", at).executeUpdate();
    }

    /** Committed changes after {@code since}, in sequence (= commit) order. */
    @SuppressWarnings("unchecked")
    public List<Change> after(long since, int limit) {
        List<Object[]> rows = em.createNativeQuery(
                        "select seq, listing_id, op, status, changed_at from listing_change where seq > :since order by seq limit :limit")
                .setParameter("since", since).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Change(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2],
                ListingStatus.valueOf((String) r[3]), toInstant(r[4]))).toList();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    public record Change(long seq, UUID listingId, String op, ListingStatus status, Instant changedAt) {
    }
}
