package ca.pupitre.matching.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What alert e-mails went out: {@code alert_delivery} (which listings each alert already announced, so none is
 * announced twice) and {@code alert_mail_sent} (the e-mails per address, for the daily cap).
 */
@ApplicationScoped
public class AlertDeliveryRepository {

    private final EntityManager em;

    public AlertDeliveryRepository(EntityManager em) {
        this.em = em;
    }

    /** Which of these listings the alert already announced. */
    public Set<UUID> alreadyAnnounced(UUID alertId, Collection<UUID> listingIds) {
        if (listingIds.isEmpty()) {
            return Set.of();
        }
        List<UUID> rows = em.createNativeQuery("select listing_id from alert_delivery where alert_id = :alert and listing_id in (:ids)",
                        UUID.class)
                .setParameter("alert", alertId).setParameter("ids", listingIds).getResultList();
        return new HashSet<>(rows);
    }

    /** Alert e-mails sent to this address (any case) after {@code since}. */
    public long mailsSentTo(String recipient, Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from alert_mail_sent where lower(recipient) = lower(?1) and sent_at > ?2")
                .setParameter(1, recipient).setParameter(2, since).getSingleResult()).longValue();
    }

    /** Records one alert e-mail to the address and the listings it announced. */
    public void recordMail(UUID alertId, String recipient, Collection<UUID> listingIds, Instant at) {
        em.createNativeQuery("insert into alert_mail_sent (recipient, sent_at) values (?1, ?2)")
                .setParameter(1, recipient).setParameter(2, at).executeUpdate();
        for (UUID listingId : listingIds) {
            em.createNativeQuery("insert into alert_delivery (alert_id, listing_id, sent_at) values (?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, alertId).setParameter(2, listingId).setParameter(3, at).executeUpdate();
        }
    }
}
