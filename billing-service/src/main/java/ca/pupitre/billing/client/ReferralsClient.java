package ca.pupitre.billing.client;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * matching-service's referral conversions as billing sees them. The call is idempotent per
 * engagementId on matching's side, so it is retried. 404 and 409 are answers (not failures, they
 * do not count against the breaker); anything else (5xx, timeout) is thrown for the outbox to retry.
 * Called from the outbox job, outside any user request: billing's SERVICE token is shown.
 */
@ApplicationScoped
public class ReferralsClient {

    /** What matching answered. */
    public enum Conversion {
        /** 201 */
        COUNTED,
        /** 200: already counted for this code */
        ALREADY_COUNTED,
        /** 409: this engagement was counted for another code */
        COUNTED_FOR_ANOTHER_CODE,
        /** 404 */
        UNKNOWN_CODE,
        /** 422: the referral does not recommend this engagement's secretary, or comes from its own client */
        REJECTED
    }

    private final ReferralsApi api;

    public ReferralsClient(@RestClient ReferralsApi api) {
        this.api = api;
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000)
    @CircuitBreakerName("matching-referrals")
    public Conversion convert(String code, UUID engagementId, UUID secretaryId, UUID clientId) {
        try (Response response = api.convert(code, new ReferralsApi.ConversionRequest(engagementId, secretaryId, clientId))) {
            return response.getStatus() == 201 ? Conversion.COUNTED : Conversion.ALREADY_COUNTED;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                return Conversion.UNKNOWN_CODE;
            }
            if (status == 409) {
                return Conversion.COUNTED_FOR_ANOTHER_CODE;
            }
            if (status == 422) {
                return Conversion.REJECTED;
            }
            throw e;
        }
    }
}
