package ca.pupitre.billing.client;

import ca.pupitre.platform.client.CallerHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "matching")
@RegisterClientHeaders(CallerHeaders.class)
@Path("/api/v1/invitations")
interface MatchingApi {

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Invitation invitation(@PathParam("id") UUID id);
}
