package ca.pupitre.billing.client;

import ca.pupitre.platform.client.CallerHeaders;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "listings")
@RegisterClientHeaders(CallerHeaders.class)
@Path("/api/v1/listings")
interface ListingsApi {

    record Featured(Instant featuredUntil) {
    }

    /** The part of a listing billing needs; other fields are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListingSummary(UUID id, String kind, String status, UUID ownerId) {
    }

    @GET
    @Path("/{id}")
    ListingSummary get(@PathParam("id") UUID listingId);

    @PUT
    @Path("/{id}/featured")
    @Consumes(MediaType.APPLICATION_JSON)
    Response feature(@PathParam("id") UUID listingId, Featured body);
}
