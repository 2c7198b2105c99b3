package ca.pupitre.matching.service;

import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.domain.Alert;
import ca.pupitre.matching.domain.ListingCopy;
import ca.pupitre.matching.domain.alerts.AlertCriteria;
import ca.pupitre.matching.domain.alerts.AlertEmail;
import ca.pupitre.matching.repository.AlertDeliveryRepository;
import ca.pupitre.matching.repository.AlertRepository;
import ca.pupitre.matching.repository.ClientBlockRepository;
import ca.pupitre.matching.repository.ListingCopyRepository;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Mails new matches of saved searches, from matching's own copy of the listings. Per alert, in one transaction
 * holding the alert's row lock: listings changed after the high-water mark ({@code lastSentSeq}) that match the
 * criteria and were never mailed for this alert ({@code alert_delivery}) are mailed, recorded, and the mark moves
 * to the newest change seen. A failed send rolls everything back (retried next run); a crash after the SMTP
 * server accepted but before the commit may repeat one e-mail (at least once), nothing else can.
 */
@ApplicationScoped
public class AlertMailer {

    private static final Logger LOG = Logger.getLogger(AlertMailer.class);

    private final AlertRepository alerts;
    private final ListingCopyRepository copies;
    private final ClientBlockRepository blocks;
    private final AlertDeliveryRepository deliveries;
    private final Mailer mailer;
    private final MatchingConfig config;
    private final Clock clock;

    public AlertMailer(AlertRepository alerts, ListingCopyRepository copies, ClientBlockRepository blocks,
            AlertDeliveryRepository deliveries, Mailer mailer, MatchingConfig config, Clock clock) {
        this.alerts = alerts;
        this.copies = copies;
        this.blocks = blocks;
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "alert-mails", every = "${pupitre.matching.alerts.every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.alerts().mailEnabled()) {
            sendDue();
        }
    }

    /** Mails every due alert now; returns the number of e-mails sent. */
    public int sendDue() {
        return sendDue(clock.instant());
    }

    /** Mails every alert due at {@code now} (IMMEDIATE: always; DAILY: once per day from the digest hour). */
    public int sendDue(Instant now) {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(alerts::mailable);
        int sent = 0;
        for (UUID id : ids) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> processOne(id, now))) {
                    sent++;
                }
            } catch (RuntimeException failed) {
                LOG.warnf("Alert %s not mailed this time (%s); retried on the next run", id, failed.toString());
            }
        }
        return sent;
    }

    boolean processOne(UUID id, Instant now) {
        Alert alert = alerts.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (alert == null || alert.email == null || alert.unsubscribeToken == null || !due(alert, now)) {
            return false;
        }
        List<ListingCopy> changed = copies.openOfKindChangedAfter(AlertCriteria.watchedKind(alert), alert.lastSentSeq, now);
        long previousMark = alert.lastSentSeq;
        long mark = alert.lastSentSeq;
        for (ListingCopy listing : changed) {
            mark = Math.max(mark, listing.lastSeq);
        }
        Set<UUID> blocked = "SECRETARY".equals(alert.ownerRole) ? blocks.clientsBlockedBy(alert.ownerId)
                : blocks.secretariesBlocking(alert.ownerId);
        List<ListingCopy> candidates = changed.stream()
                .filter(l -> !alert.ownerId.equals(l.ownerId) && !blocked.contains(l.ownerId))
                .filter(l -> AlertCriteria.matches(alert, l))
                .toList();
        Set<UUID> already = deliveries.alreadyAnnounced(alert.id, candidates.stream().map(l -> l.id).toList());
        List<ListingCopy> fresh = candidates.stream().filter(l -> !already.contains(l.id)).toList();
        alert.lastSentSeq = mark;
        alert.lastRunAt = now;
        if (fresh.isEmpty()) {
            return false;
        }
        long sentToday = deliveries.mailsSentTo(alert.email, now.minus(Duration.ofDays(1)));
        if (sentToday >= config.alerts().mailsPerRecipientPerDay()) {
            // the address had its share today: keep these matches for its next e-mail
            alert.lastSentSeq = previousMark;
            LOG.infof("Alert %s: its address already received %d alert e-mails in 24 h; its matches wait", alert.id, sentToday);
            return false;
        }
        deliveries.recordMail(alert.id, alert.email, fresh.stream().map(l -> l.id).toList(), now);
        int max = config.alerts().maxItemsPerMail();
        List<ListingCopy> shown = fresh.size() > max ? fresh.subList(0, max) : fresh;
        AlertEmail email = AlertEmail.of(alert, shown, fresh.size() - shown.size(), publicUrl());
        mailer.send(Mail.withText(email.to(), email.subject(), email.text())
                .addHeader("List-Unsubscribe", email.listUnsubscribe())
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Content-Language", "en".equals(alert.language) ? "en-CA" : "fr-CA"));
        return true;
    }

    /** IMMEDIATE: always; DAILY: when it has not run since the latest digest hour (in the configured zone). */
    boolean due(Alert alert, Instant now) {
        if (alert.frequency == Alert.Frequency.IMMEDIATE) {
            return true;
        }
        ZoneId zone = ZoneId.of(config.alerts().zone());
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime slot = local.toLocalDate().atTime(config.alerts().digestHour(), 0).atZone(zone);
        if (local.isBefore(slot)) {
            slot = slot.minusDays(1);
        }
        return alert.lastRunAt == null || alert.lastRunAt.isBefore(slot.toInstant());
    }

    private String publicUrl() {
        String url = config.publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
