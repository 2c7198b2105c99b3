package ca.pupitre.matching.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The expiry reminders' tables: {@code listing_reminder} (one reminder per listing and expiry date) and
 * {@code reminder_subscription} (each owner's unsubscribe token, and whether they unsubscribed).
 */
@ApplicationScoped
public class ReminderRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;

    public ReminderRepository(EntityManager em) {
        this.em = em;
    }

    /** Published listings with an owner that expire after {@code now} and by {@code horizon}, not yet reminded. */
    public List<UUID> dueListings(Instant now, Instant horizon) {
        return em.createNativeQuery("select l.id from listing_copy l where l.status = 'PUBLISHED' and l.owner_id is not null"
                        + " and l.expires_at > ?1 and l.expires_at <= ?2 and not exists (select 1 from listing_reminder r"
                        + " where r.listing_id = l.id and r.expires_at = l.expires_at) order by l.expires_at", UUID.class)
                .setParameter(1, now).setParameter(2, horizon).getResultList();
    }

    /** Records the reminder for this listing and expiry date; false when it was already recorded. */
    public boolean recordReminder(UUID listingId, Instant expiresAt, Instant sentAt) {
        return em.createNativeQuery("insert into listing_reminder (listing_id, expires_at, sent_at) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, listingId).setParameter(2, expiresAt).setParameter(3, sentAt).executeUpdate() == 1;
    }

    /** The owner's unsubscribe token, created on first use; null when they unsubscribed. */
    public String subscriptionToken(UUID ownerId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        em.createNativeQuery("insert into reminder_subscription (owner_id, unsubscribe_token) values (?1, ?2) on conflict do nothing")
                .setParameter(1, ownerId).setParameter(2, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery(
                        "select unsubscribe_token, unsubscribed_at from reminder_subscription where owner_id = ?1")
                .setParameter(1, ownerId).getSingleResult();
        return row[1] == null ? (String) row[0] : null;
    }

    /** Stops the reminders of the owner this token belongs to; false when it names no live subscription. */
    public boolean unsubscribe(String token, Instant at) {
        return em.createNativeQuery("update reminder_subscription set unsubscribed_at = ?1"
                        + " where unsubscribe_token = ?2 and unsubscribed_at is null")
                .setParameter(1, at).setParameter(2, token).executeUpdate() > 0;
    }

    /** Whether this token names a live subscription. */
    public boolean subscribed(String token) {
        return !em.createNativeQuery("select 1 from reminder_subscription where unsubscribe_token = ?1 and unsubscribed_at is null")
                .setParameter(1, token).getResultList().isEmpty();
    }
}
