package ca.pupitre.matching.service;

import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.domain.Alert;
import ca.pupitre.matching.domain.ListingCopy;
import ca.pupitre.matching.domain.alerts.ReminderEmail;
import ca.pupitre.matching.repository.AlertRepository;
import ca.pupitre.matching.repository.ListingCopyRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reminds owners, {@code reminder-before} (5 days) ahead, that a published listing expires, once per listing and
 * expiry date. Matching knows no account addresses: the address is the one on the owner's newest alert; an owner
 * without an alert that has an address is not reminded (until they save one, while the listing is still due).
 */
@ApplicationScoped
public class ExpiryReminders {

    private static final Logger LOG = Logger.getLogger(ExpiryReminders.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ListingCopyRepository copies;
    private final AlertRepository alerts;
    private final Mailer mailer;
    private final MatchingConfig config;
    private final Clock clock;

    public ExpiryReminders(ListingCopyRepository copies, AlertRepository alerts, Mailer mailer, MatchingConfig config, Clock clock) {
        this.copies = copies;
        this.alerts = alerts;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "expiry-reminders", every = "${pupitre.matching.alerts.every:60s}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.alerts().mailEnabled()) {
            sendDue();
        }
    }

    public int sendDue() {
        return sendDue(clock.instant());
    }

    /** Sends the reminders due at {@code now}; returns how many were sent. */
    public int sendDue(Instant now) {
        Instant horizon = now.plus(config.alerts().reminderBefore());
        @SuppressWarnings("unchecked")
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> copies.getEntityManager().createNativeQuery(
                "select l.id from listing_copy l where l.status = 'PUBLISHED' and l.owner_id is not null and l.expires_at > ?1"
                        + " and l.expires_at <= ?2 and not exists (select 1 from listing_reminder r"
                        + " where r.listing_id = l.id and r.expires_at = l.expires_at) order by l.expires_at", UUID.class)
                .setParameter(1, now).setParameter(2, horizon).getResultList());
        int sent = 0;
        for (UUID id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> remind(id, now))) {
                    sent++;
                }
            } catch (RuntimeException failed) {
                LOG.warnf("Expiry reminder for listing %s not sent this time (%s)", id, failed.toString());
            }
        }
        return sent;
    }

    boolean remind(UUID listingId, Instant now) {
        EntityManager em = copies.getEntityManager();
        ListingCopy listing = copies.findById(listingId);
        if (listing == null || listing.expiresAt == null || listing.ownerId == null) {
            return false;
        }
        Optional<Alert> addressed = alerts.find("ownerId = ?1 and email is not null order by createdAt desc, id", listing.ownerId)
                .firstResultOptional();
        if (addressed.isEmpty()) {
            return false;
        }
        String token = subscriptionToken(em, listing.ownerId);
        if (token == null) {
            return false; // unsubscribed from reminders
        }
        int inserted = em.createNativeQuery("insert into listing_reminder (listing_id, expires_at, sent_at) values (?1, ?2, ?3)"
                + " on conflict do nothing").setParameter(1, listing.id).setParameter(2, listing.expiresAt).setParameter(3, now)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        Alert alert = addressed.get();
        ReminderEmail email = ReminderEmail.of(alert.email, alert.language, listing, token, publicUrl(), ZoneId.of(config.alerts().zone()));
        mailer.send(Mail.withText(email.to(), email.subject(), email.text())
                .addHeader("List-Unsubscribe", email.listUnsubscribe())
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Content-Language", "en".equals(alert.language) ? "en-CA" : "fr-CA"));
        return true;
    }

    /** The owner's reminder unsubscribe token (created on first use); null when they unsubscribed. */
    private static String subscriptionToken(EntityManager em, UUID ownerId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        em.createNativeQuery("insert into reminder_subscription (owner_id, unsubscribe_token) values (?1, ?2) on conflict do nothing")
                .setParameter(1, ownerId).setParameter(2, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select unsubscribe_token, unsubscribed_at from reminder_subscription where owner_id = ?1")
                .setParameter(1, ownerId).getSingleResult();
        return row[1] == null ? (String) row[0] : null;
    }

    private String publicUrl() {
        String url = config.publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
