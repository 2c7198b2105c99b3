package ca.pupitre.billing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Messages for other services, written in the transaction that decides them and delivered later
 * by a scheduled job; one message per (kind, aggregate), so nothing is announced twice.
 */
@ApplicationScoped
public class Outbox {

    /** A message due for delivery. */
    public record Message(UUID id, String kind, UUID aggregateId, String payload, int attempts) {
    }

    private final EntityManager em;
    private final Clock clock;

    public Outbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void add(String kind, UUID aggregateId, String payload) {
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("insert into outbox (id, kind, aggregate_id, payload, attempts, next_attempt_at, created_at)"
                        + " values (?1, ?2, ?3, ?4, 0, ?5, ?5) on conflict (kind, aggregate_id) do nothing")
                .setParameter(1, UUID.randomUUID()).setParameter(2, kind).setParameter(3, aggregateId)
                .setParameter(4, payload).setParameter(5, now).executeUpdate();
    }

    /** Due messages, locked for this transaction; rows another instance is sending are skipped. */
    @SuppressWarnings("unchecked")
    public List<Message> lockDue(int limit) {
        List<Object[]> rows = em.createNativeQuery("select id, kind, aggregate_id, payload, attempts from outbox"
                        + " where delivered_at is null and gave_up_at is null and next_attempt_at <= ?1"
                        + " order by next_attempt_at limit ?2 for update skip locked")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Message((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                ((Number) r[4]).intValue())).toList();
    }

    /** Messages not yet delivered nor given up (due now or waiting for a retry). */
    public long backlog() {
        return ((Number) em.createNativeQuery("select count(*) from outbox where delivered_at is null and gave_up_at is null")
                .getSingleResult()).longValue();
    }

    public void delivered(UUID id) {
        delivered(id, null);
    }

    /** Delivered, with a note on what the receiver answered (kept in {@code last_error}), e.g. an unknown referral code. */
    public void delivered(UUID id, String note) {
        em.createNativeQuery("update outbox set delivered_at = ?2, attempts = attempts + 1, last_error = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(clock.instant())).setParameter(3, note).executeUpdate();
    }

    public void failed(UUID id, Instant retryAt, String error) {
        em.createNativeQuery("update outbox set attempts = attempts + 1, next_attempt_at = ?2, last_error = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(retryAt))
                .setParameter(3, error == null ? null : error.substring(0, Math.min(500, error.length()))).executeUpdate();
    }

    public void gaveUp(UUID id, String error) {
        em.createNativeQuery("update outbox set attempts = attempts + 1, gave_up_at = ?2, last_error = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(clock.instant())).setParameter(3, error).executeUpdate();
    }
}
