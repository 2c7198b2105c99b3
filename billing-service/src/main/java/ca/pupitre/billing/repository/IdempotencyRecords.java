package ca.pupitre.billing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of the {@code idempotency_record} table: one row per caller and key, claimed IN_FLIGHT before the work
 * and DONE with the stored answer after it. Each method joins the caller's transaction.
 */
@ApplicationScoped
public class IdempotencyRecords {

    /** A claimed key as stored: the request's hash, its state and, once DONE, the answer. */
    public record Claim(String requestHash, boolean inFlight, Integer status, String body, String location, Instant createdAt) {
    }

    private final EntityManager em;

    public IdempotencyRecords(EntityManager em) {
        this.em = em;
    }

    /** Inserts an IN_FLIGHT claim; false when the caller already holds this key. */
    public boolean claim(String caller, String key, String hash, Instant now) {
        return em.createNativeQuery("insert into idempotency_record (caller, idem_key, request_hash, state, created_at)"
                        + " values (?1, ?2, ?3, 'IN_FLIGHT', ?4) on conflict do nothing")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).setParameter(4, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    /** The caller's claim on this key, locked until the transaction ends; empty when it was released meanwhile. */
    public Optional<Claim> lock(String caller, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, state, status, body, location, created_at"
                        + " from idempotency_record where caller = ?1 and idem_key = ?2 for update")
                .setParameter(1, caller).setParameter(2, key).getResultList();
        return rows.stream().findFirst().map(row -> new Claim((String) row[0], "IN_FLIGHT".equals(row[1]),
                row[2] == null ? null : ((Number) row[2]).intValue(), (String) row[3], (String) row[4], instant(row[5])));
    }

    /** Takes over an expired or abandoned claim for a new request. */
    public void reclaim(String caller, String key, String hash, Instant now) {
        em.createNativeQuery("update idempotency_record set request_hash = ?3, state = 'IN_FLIGHT', status = null, body = null,"
                        + " location = null, created_at = ?4 where caller = ?1 and idem_key = ?2")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, hash).setParameter(4, Timestamp.from(now))
                .executeUpdate();
    }

    /** Stores the answer the work gave; the claim becomes DONE. */
    public void complete(String caller, String key, int status, String body, String location) {
        em.createNativeQuery("update idempotency_record set state = 'DONE', status = ?3, body = ?4, location = ?5"
                        + " where caller = ?1 and idem_key = ?2")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, status).setParameter(4, body)
                .setParameter(5, location).executeUpdate();
    }

    /** Releases a claim whose work failed, so the client may retry. */
    public void release(String caller, String key) {
        em.createNativeQuery("delete from idempotency_record where caller = ?1 and idem_key = ?2 and state = 'IN_FLIGHT'")
                .setParameter(1, caller).setParameter(2, key).executeUpdate();
    }

    /** Forgets every claim made before {@code cutoff}. */
    public void purgeBefore(Instant cutoff) {
        em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, Timestamp.from(cutoff)).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
