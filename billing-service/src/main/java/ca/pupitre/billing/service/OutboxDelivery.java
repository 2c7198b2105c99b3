package ca.pupitre.billing.service;

import ca.pupitre.billing.client.ListingsClient;
import ca.pupitre.billing.config.BillingConfig;
import ca.pupitre.billing.repository.Outbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends outbox messages until they succeed: one message per transaction, its row locked
 * ({@code FOR UPDATE SKIP LOCKED}) while it is sent, so two instances never send the same one; a
 * failure is retried later with exponential backoff (capped), a 404 is given up and logged.
 * Setting an absolute {@code featuredUntil} is idempotent, so a crash between the call and the
 * commit only repeats the same state, never extends it.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);

    private final Outbox outbox;
    private final ListingsClient listings;
    private final BillingConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public OutboxDelivery(Outbox outbox, ListingsClient listings, BillingConfig config, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.listings = listings;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(every = "${pupitre.billing.outbox.every:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        for (int i = 0; i < config.outbox().batchSize(); i++) {
            if (!QuarkusTransaction.requiringNew().call(this::deliverOne)) {
                return;
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
            if (!PromotionService.LISTING_FEATURED.equals(message.kind())) {
                outbox.gaveUp(message.id(), "unknown kind " + message.kind());
                return true;
            }
            JsonNode payload = json.readTree(message.payload());
            boolean found = listings.feature(UUID.fromString(payload.get("listingId").asText()),
                    Instant.parse(payload.get("featuredUntil").asText()));
            if (found) {
                outbox.delivered(message.id());
            } else {
                LOG.warnf("Listing of outbox message %s does not exist: given up", message.id());
                outbox.gaveUp(message.id(), "listing not found (404)");
            }
        } catch (Exception e) {
            Duration wait = backoff(message.attempts());
            LOG.infof("Outbox message %s failed (attempt %d), retry in %s: %s", message.id(), message.attempts() + 1, wait, e.toString());
            outbox.failed(message.id(), clock.instant().plus(wait), e.toString());
        }
        return true;
    }

    Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 20));
        return wait.compareTo(config.outbox().maxBackoff()) > 0 ? config.outbox().maxBackoff() : wait;
    }
}
