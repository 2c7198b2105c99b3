package ca.pupitre.matching.service;

import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.domain.Alert;
import ca.pupitre.matching.domain.ListingCopy;
import ca.pupitre.matching.domain.alerts.ReminderEmail;
import ca.pupitre.matching.repository.AlertRepository;
import ca.pupitre.matching.repository.ListingCopyRepository;
import ca.pupitre.matching.repository.ReminderRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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

    private final ListingCopyRepository copies;
    private final AlertRepository alerts;
    private final ReminderRepository reminders;
    private final Mailer mailer;
    private final MatchingConfig config;
    private final Clock clock;

    public ExpiryReminders(ListingCopyRepository copies, AlertRepository alerts, ReminderRepository reminders, Mailer mailer,
            MatchingConfig config, Clock clock) {
        this.copies = copies;
        this.alerts = alerts;
        this.reminders = reminders;
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
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> reminders.dueListings(now, horizon));
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
        ListingCopy listing = copies.findById(listingId);
        if (listing == null || listing.expiresAt == null || listing.ownerId == null) {
            return false;
        }
        Optional<Alert> addressed = alerts.find("ownerId = ?1 and email is not null order by createdAt desc, id", listing.ownerId)
                .firstResultOptional();
        if (addressed.isEmpty()) {
            return false;
        }
        String token = reminders.subscriptionToken(listing.ownerId);
        if (token == null) {
            return false; // unsubscribed from reminders
        }
        if (!reminders.recordReminder(listing.id, listing.expiresAt, now)) {
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

    private String publicUrl() {
        String url = config.publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
