package ca.pupitre.listings.rest;

import ca.pupitre.listings.api.ReportedListing;
import ca.pupitre.listings.service.ModerationQueue;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The moderators' queue of reported listings (decisions are the listing's hide and unhide). */
@Path("/api/v1/listings/reported")
@Tag(name = "Listings")
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

    private final ModerationQueue queue;

    public ModerationResource(ModerationQueue queue) {
        this.queue = queue;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listReportedListings",
            summary = "Listings with open spam, scam or miscategorized reports, most reported first (admins)",
            description = "At most 100. Each with its open reports (reason, comment, time; reporters are not named)."
                    + " Unhiding a listing resolves its reports; a hidden one stays here until unhidden or closed.")
    @APIResponse(responseCode = "200", description = "The queue (possibly empty)")
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ReportedListing> reported() {
        return queue.open();
    }
}
