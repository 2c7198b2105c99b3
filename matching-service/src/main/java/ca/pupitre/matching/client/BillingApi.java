package ca.pupitre.matching.client;

import ca.pupitre.platform.client.CallerHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** billing-service over HTTP; use {@link BillingClient}. */
@RegisterRestClient(configKey = "billing")
@RegisterClientHeaders(CallerHeaders.class)
@Path("/api/v1/engagements")
@Produces(MediaType.APPLICATION_JSON)
interface BillingApi {

    @GET
    @Path("/{engagementId}/review-eligibility")
    Eligibility reviewEligibility(@PathParam("engagementId") UUID engagementId);
}
