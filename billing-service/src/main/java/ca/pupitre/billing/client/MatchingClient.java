package ca.pupitre.billing.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * matching-service as billing sees it. Reading an invitation is idempotent, so it is retried; a 404
 * is an answer (empty), not a failure, and does not count against the breaker. A 403 (the caller
 * is not a party) surfaces as {@link InvitationForbiddenException}.
 */
@ApplicationScoped
public class MatchingClient {

    private final MatchingApi api;

    public MatchingClient(@RestClient MatchingApi api) {
        this.api = api;
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, abortOn = InvitationForbiddenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = InvitationForbiddenException.class)
    @CircuitBreakerName("matching")
    public Optional<Invitation> invitation(UUID id) {
        try {
            return Optional.ofNullable(api.invitation(id));
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 403) {
                throw new InvitationForbiddenException();
            }
            throw e;
        }
    }

    /** matching-service refused to show the invitation to this caller. */
    public static class InvitationForbiddenException extends RuntimeException {
        public InvitationForbiddenException() {
            super("invitation not readable by this caller", null, false, false);
        }
    }
}
