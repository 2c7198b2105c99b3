package ca.pupitre.billing.client;

import ca.pupitre.platform.client.CallerHeaders;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** matching-service's referrals (same service and URL as {@link MatchingApi}). */
@RegisterRestClient(configKey = "matching")
@RegisterClientHeaders(CallerHeaders.class)
@Path("/api/v1/referrals")
interface ReferralsApi {

    record ConversionRequest(UUID engagementId, UUID secretaryId, UUID clientId) {
    }

    @POST
    @Path("/{code}/conversions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response convert(@PathParam("code") String code, ConversionRequest body);
}
