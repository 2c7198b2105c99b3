package ca.pupitre.billing.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * listings-service as billing sees it. Setting {@code featuredUntil} to an absolute instant is
 * idempotent, so it is retried. Called from the outbox job, outside any user request: the SERVICE
 * token of billing is shown ({@code service:billing}).
 */
@ApplicationScoped
public class ListingsClient {

    private final ListingsApi api;

    public ListingsClient(@RestClient ListingsApi api) {
        this.api = api;
    }

    /** @return false when the listing does not exist (a 404: retrying cannot help) */
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000)
    @CircuitBreakerName("listings")
    public boolean feature(UUID listingId, Instant featuredUntil) {
        try (Response response = api.feature(listingId, new ListingsApi.Featured(featuredUntil))) {
            return true;
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Whose listing it is, and whether it is an OFFER or a REQUEST. */
    public record OwnedListing(UUID id, String kind, UUID ownerId) {
    }

    /**
     * The listing as its reader sees it (the caller's token is forwarded, so an owner sees its own
     * {@code ownerId}); empty when listings answers 404.
     */
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000)
    @CircuitBreakerName("listings-read")
    public Optional<OwnedListing> listing(UUID listingId) {
        try {
            ListingsApi.ListingSummary found = api.get(listingId);
            return Optional.ofNullable(found).map(l -> new OwnedListing(l.id(), l.kind(), l.ownerId()));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
