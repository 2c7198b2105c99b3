package ca.pupitre.matching.rest;

import ca.pupitre.matching.api.BlockRequest;
import ca.pupitre.matching.api.BlockView;
import ca.pupitre.matching.service.InvitationService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/blocks")
@Tag(name = "Blocks")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.SECRETARY)
@Produces(MediaType.APPLICATION_JSON)
public class BlockResource {

    private final InvitationService invitations;
    private final JsonWebToken token;

    public BlockResource(InvitationService invitations, JsonWebToken token) {
        this.invitations = invitations;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Block a client: no more invitations from them, no matches either way (idempotent)")
    @APIResponse(responseCode = "201", description = "Blocked")
    public Response blockClient(@Valid @NotNull BlockRequest body) {
        BlockView view = BlockView.of(invitations.block(Caller.of(token), body.clientId()));
        return Response.created(URI.create("/api/v1/blocks/" + view.clientId())).entity(view).build();
    }

    @GET
    @Operation(summary = "The clients I blocked")
    public Map<String, List<BlockView>> listMyBlocks() {
        return Map.of("items", invitations.blocksOf(Caller.of(token)).stream().map(BlockView::of).toList());
    }

    @DELETE
    @Path("/{clientId}")
    @Operation(summary = "Lift a block")
    @APIResponse(responseCode = "204", description = "Lifted")
    @APIResponse(responseCode = "404", description = "No such block of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response unblockClient(@PathParam("clientId") UUID clientId) {
        invitations.unblock(Caller.of(token), clientId);
        return Response.noContent().build();
    }
}
