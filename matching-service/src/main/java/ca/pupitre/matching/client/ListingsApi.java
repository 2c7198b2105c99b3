package ca.pupitre.matching.client;

import ca.pupitre.platform.client.CallerHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** listings-service over HTTP; use {@link ListingsClient}, which owns timeouts, retries and the circuit breaker. */
@RegisterRestClient(configKey = "listings")
@RegisterClientHeaders(CallerHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface ListingsApi {

    @GET
    @Path("/listings/changes")
    FeedPage changes(@QueryParam("since") String since, @QueryParam("limit") int limit);

    @GET
    @Path("/skills")
    List<SkillDto> skills();
}
