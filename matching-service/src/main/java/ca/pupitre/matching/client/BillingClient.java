package ca.pupitre.matching.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Calls to billing-service. Any failure other than "no such engagement" propagates: callers refuse rather than guess. */
@ApplicationScoped
public class BillingClient {

    private final BillingApi api;

    public BillingClient(@RestClient BillingApi api) {
        this.api = api;
    }

    /** The engagement's review eligibility; empty when billing does not know it (404) or not for this caller (403). */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("billing-eligibility")
    public Optional<Eligibility> reviewEligibility(UUID engagementId) {
        try {
            return Optional.ofNullable(api.reviewEligibility(engagementId));
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404 || status == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
