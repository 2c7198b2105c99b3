package ca.pupitre.matching.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to listings-service. Both calls are idempotent GETs, so they are retried; a named circuit breaker
 * stops hammering listings while it is down (callers then keep serving matching's own copy).
 */
@ApplicationScoped
public class ListingsClient {

    private final ListingsApi api;

    public ListingsClient(@RestClient ListingsApi api) {
        this.api = api;
    }

    /** The changes after {@code cursor} (from the start when null), at most {@code limit}. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("listings-changes")
    public FeedPage changes(String cursor, int limit) {
        return api.changes(cursor, limit);
    }

    /** The skills taxonomy. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("listings-skills")
    public List<SkillDto> skills() {
        return api.skills();
    }
}
