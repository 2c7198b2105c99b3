package ca.pupitre.billing.service;

import ca.pupitre.billing.client.ListingsClient;
import ca.pupitre.billing.client.ReferralsClient;
import ca.pupitre.billing.config.BillingConfig;
import ca.pupitre.billing.repository.EngagementRepository;
import ca.pupitre.billing.repository.Outbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sends outbox messages until they succeed: one message per transaction, its row locked
 * ({@code FOR UPDATE SKIP LOCKED}) while it is sent, so two instances never send the same one; a
 * failure is retried later with exponential backoff (capped), a 404 is given up and logged.
 * Setting an absolute {@code featuredUntil} is idempotent, so a crash between the call and the
 * commit only repeats the same state, never extends it. Referral conversions are idempotent per
 * engagement on matching's side (200 on repeat); 409 (counted for another code) and 404 (unknown
 * code) are answers: delivered, logged, never retried.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);

    private final Outbox outbox;
    private final ListingsClient listings;
    private final ReferralsClient referrals;
    private final BillingConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final EngagementRepository engagements;
    private final AtomicLong backlog = new AtomicLong();

    public OutboxDelivery(Outbox outbox, ListingsClient listings, ReferralsClient referrals, BillingConfig config,
            ObjectMapper json, Clock clock, EngagementRepository engagements,
            MeterRegistry registry) {
        this.engagements = engagements;
        Gauge.builder("pupitre.outbox.backlog", backlog, AtomicLong::get)
                .description("Messages to other services not delivered yet (listings featured, referral conversions)")
                .register(registry);
        this.outbox = outbox;
        this.listings = listings;
        this.referrals = referrals;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(every = "${pupitre.billing.outbox.every:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    /** Sends what is due now, up to a batch (the schedule's work; tests call it to run the job at a known moment). */
    public void deliverDue() {
        try {
            for (int i = 0; i < config.outbox().batchSize(); i++) {
                if (!QuarkusTransaction.requiringNew().call(this::deliverOne)) {
                    return;
                }
            }
        } finally {
            try {
                backlog.set(QuarkusTransaction.requiringNew().call(outbox::backlog));
            } catch (RuntimeException unreadable) {
                LOG.debugf("Outbox backlog not measured this time: %s", unreadable.toString()); // database down: kept as it was
            }
        }
    }

    /** @return whether a message was due */
    boolean deliverOne() {
        List<Outbox.Message> due = outbox.lockDue(1);
        if (due.isEmpty()) {
            return false;
        }
        Outbox.Message message = due.get(0);
        try {
            switch (message.kind()) {
                case PromotionService.LISTING_FEATURED -> featureListing(message);
                case ReferralConversions.REFERRAL_CONVERSION -> reportConversion(message);
                default -> outbox.gaveUp(message.id(), "unknown kind " + message.kind());
            }
        } catch (Exception e) {
            Duration wait = backoff(message.attempts());
            LOG.infof("Outbox message %s failed (attempt %d), retry in %s: %s", message.id(), message.attempts() + 1, wait, e.toString());
            outbox.failed(message.id(), clock.instant().plus(wait), e.toString());
        }
        return true;
    }

    private void featureListing(Outbox.Message message) throws Exception {
        JsonNode payload = json.readTree(message.payload());
        boolean found = listings.feature(UUID.fromString(payload.get("listingId").asText()),
                Instant.parse(payload.get("featuredUntil").asText()));
        if (found) {
            outbox.delivered(message.id());
        } else {
            LOG.warnf("Listing of outbox message %s does not exist: given up", message.id());
            outbox.gaveUp(message.id(), "listing not found (404)");
        }
    }

    private void reportConversion(Outbox.Message message) throws Exception {
        JsonNode payload = json.readTree(message.payload());
        String code = payload.get("code").asText();
        UUID engagement = UUID.fromString(payload.get("engagementId").asText());
        // the engagement's own secretary and client, so matching can refuse a code that is not theirs to use
        var engaged = engagements.findByIdOptional(engagement).orElse(null);
        if (engaged == null) {
            outbox.gaveUp(message.id(), "engagement not found");
            return;
        }
        switch (referrals.convert(code, engagement, engaged.secretaryId, engaged.clientId)) {
            case COUNTED, ALREADY_COUNTED -> outbox.delivered(message.id());
            case COUNTED_FOR_ANOTHER_CODE -> {
                LOG.warnf("Engagement %s was already counted by matching for another referral than %s (409)", engagement, code);
                outbox.delivered(message.id(), "counted for another code (409)");
            }
            case REJECTED -> {
                LOG.warnf("Referral code %s does not recommend the secretary of engagement %s, or is its client's own (422):"
                        + " not counted", code, engagement);
                outbox.delivered(message.id(), "referral not for this engagement (422)");
            }
            case UNKNOWN_CODE -> {
                LOG.warnf("Referral code %s of engagement %s is unknown to matching (404): not counted", code, engagement);
                outbox.delivered(message.id(), "unknown referral code (404)");
            }
        }
    }

    Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return wait.compareTo(config.outbox().maxBackoff()) > 0 ? config.outbox().maxBackoff() : wait;
    }
}
