package ca.pupitre.gateway.partner;

import ca.pupitre.platform.problem.Problem;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Syndication partners and their API keys; admins only. */
@Path("/api/v1/partners")
@Tag(name = "Partners")
@SecurityRequirement(name = "jwt")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PartnerResource {

    private final PartnerService partners;

    public PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a partner; its API key is in this answer and never again")
    @APIResponse(responseCode = "201", description = "Partner registered")
    @APIResponse(responseCode = "422", description = "Invalid data", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response registerPartner(@Valid @NotNull PartnerRequest body) {
        PartnerCreated created = partners.register(body);
        return Response.created(URI.create("/api/v1/partners/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Every partner, keys by prefix only")
    @APIResponse(responseCode = "200", description = "The partners, keys by prefix only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerView.class, type = SchemaType.ARRAY)))
    public List<PartnerView> listPartners() {
        return partners.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One partner, keys by prefix only")
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The partner, keys by prefix only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerView.class)))
    public PartnerView getPartner(@PathParam("id") UUID id) {
        return partners.get(id);
    }

    @POST
    @Path("/{id}/keys/rotate")
    @Operation(summary = "Issue a new key (shown once); the current key keeps working for the grace period")
    @APIResponse(responseCode = "201", description = "New key issued")
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rotatePartnerKey(@PathParam("id") UUID id) {
        PartnerKeyIssued issued = partners.rotate(id);
        return Response.created(URI.create("/api/v1/partners/" + id)).entity(issued).build();
    }

    @POST
    @Path("/{id}/keys/{prefix}/revoke")
    @Operation(summary = "Revoke a key; it stops working at once")
    @APIResponse(responseCode = "200", description = "Key revoked (also when it already was)")
    @APIResponse(responseCode = "404", description = "No such partner or key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PartnerKeyView revokePartnerKey(@PathParam("id") UUID id, @PathParam("prefix")
            @Parameter(description = "A key's prefix (16 characters; a longer one names no key)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 16)) String prefix) {
        return partners.revoke(id, prefix);
    }

    @DELETE
    @Path("/{id}/keys/{prefix}")
    @Operation(summary = "Revoke a key; it stops working at once")
    @APIResponse(responseCode = "204", description = "Key revoked (also when it already was)")
    @APIResponse(responseCode = "404", description = "No such partner or key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deletePartnerKey(@PathParam("id") UUID id, @PathParam("prefix")
            @Parameter(description = "A key's prefix (16 characters; a longer one names no key)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 16)) String prefix) {
        partners.revoke(id, prefix);
        return Response.noContent().build();
    }
}
