package ca.pupitre.listings.rest;

import ca.pupitre.listings.api.ListingSources;
import ca.pupitre.listings.service.AttributionService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Attribution of syndicated listings: the partner click-through redirect, and a listing's views by source. */
@Path("/api/v1/listings")
@Tag(name = "Listings")
public class ListingAttributionResource {

    private final AttributionService attribution;
    private final JsonWebToken jwt;

    public ListingAttributionResource(AttributionService attribution, JsonWebToken jwt) {
        this.attribution = attribution;
        this.jwt = jwt;
    }

    @GET
    @Path("{id}/visit")
    @PermitAll
    @Operation(summary = "Counts a click from a partner feed (partner=<uuid>, else 'direct') and redirects (303) to the listing's page")
    @APIResponse(responseCode = "303", description = "To the public listing page")
    @APIResponse(responseCode = "404", description = "Unknown listing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response visitListing(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id,
            @Parameter(description = "A partner's id, or direct", schema = @Schema(type = SchemaType.STRING, maxLength = 36))
            @QueryParam("partner") String partner) {
        return Response.seeOther(attribution.visit(uuid(id), partner)).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}/sources")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "Where the listing's visits came from, per partner (owner and admins)")
    public ListingSources getListingSources(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id) {
        return attribution.sources(Caller.of(jwt), uuid(id));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw ProblemException.notFound("LISTING_NOT_FOUND");
        }
    }
}
