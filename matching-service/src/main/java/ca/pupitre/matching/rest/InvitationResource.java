package ca.pupitre.matching.rest;

import ca.pupitre.matching.api.DeclineRequest;
import ca.pupitre.matching.api.InvitationRequest;
import ca.pupitre.matching.api.InvitationView;
import ca.pupitre.matching.api.MessageRequest;
import ca.pupitre.matching.api.MessageView;
import ca.pupitre.matching.domain.Invitation;
import ca.pupitre.matching.service.InvitationService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/invitations")
@Tag(name = "Invitations")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService invitations;
    private final JsonWebToken token;

    public InvitationResource(InvitationService invitations, JsonWebToken token) {
        this.invitations = invitations;
        this.token = token;
    }

    @POST
    @RolesAllowed(Roles.CLIENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a secretary's offer to one of my requests")
    @APIResponse(responseCode = "201", description = "PENDING")
    @APIResponse(responseCode = "403", description = "Not the request's owner, or e-mail address not verified (EMAIL_NOT_VERIFIED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already pending", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Request or offer not available", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Daily invitation limit reached", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sendInvitation(@Valid @NotNull InvitationRequest body) {
        Invitation created = invitations.invite(caller().requireVerifiedEmail(), body.requestId(), body.offerId(), body.message());
        return Response.created(URI.create("/api/v1/invitations/" + created.id)).entity(InvitationView.of(created, false)).build();
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.SECRETARY})
    @Operation(summary = "My invitations: role=sent (client) or received (secretary); default by my role")
    public Map<String, List<InvitationView>> listMyInvitations(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"sent", "received"})) @QueryParam("role") String role) {
        Caller caller = caller();
        return Map.of("items", invitations.mine(caller, role).stream().map(i -> view(i, caller)).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLIENT, Roles.SECRETARY, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "One invitation, for its two parties, admins and billing (it starts engagements from accepted ones)")
    @APIResponse(responseCode = "404", description = "Unknown, or not a party (another service than billing included)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    public InvitationView getInvitation(@PathParam("id") UUID id) {
        Caller caller = caller();
        return view(invitations.get(caller, id), caller);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.SECRETARY)
    @Operation(summary = "Accept an invitation (the invited secretary)")
    @APIResponse(responseCode = "409", description = "Not pending any more", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the invited secretary, or e-mail address not verified (EMAIL_NOT_VERIFIED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The accepted invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    public InvitationView acceptInvitation(@PathParam("id") UUID id) {
        Caller caller = caller().requireVerifiedEmail();
        return view(invitations.accept(caller, id), caller);
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.SECRETARY)
    @Operation(summary = "Decline an invitation with an optional private note (the invited secretary)")
    @APIResponse(responseCode = "409", description = "Not pending any more", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The declined invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    public InvitationView declineInvitation(@PathParam("id") UUID id, @Valid DeclineRequest body) {
        Caller caller = caller();
        return view(invitations.decline(caller, id, body == null ? null : body.reason()), caller);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "Withdraw an invitation before it is answered (the inviting client)")
    @APIResponse(responseCode = "409", description = "Already answered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The withdrawn invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationView.class)))
    public InvitationView withdrawInvitation(@PathParam("id") UUID id) {
        Caller caller = caller();
        return view(invitations.withdraw(caller, id), caller);
    }

    @GET
    @Path("/{id}/messages")
    @RolesAllowed({Roles.CLIENT, Roles.SECRETARY})
    @Operation(summary = "The invitation's message thread (its two parties)")
    public Map<String, List<MessageView>> listInvitationMessages(@PathParam("id") UUID id) {
        return Map.of("items", invitations.thread(caller(), id).stream().map(MessageView::of).toList());
    }

    @POST
    @Path("/{id}/messages")
    @RolesAllowed({Roles.CLIENT, Roles.SECRETARY})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write in the invitation's thread (its two parties)")
    @APIResponse(responseCode = "201", description = "Posted")
    @APIResponse(responseCode = "409", description = "Declined or withdrawn", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response postInvitationMessage(@PathParam("id") UUID id, @Valid @NotNull MessageRequest body) {
        MessageView posted = MessageView.of(invitations.post(caller(), id, body.body()));
        return Response.created(URI.create("/api/v1/invitations/" + id + "/messages")).entity(posted).build();
    }

    private Caller caller() {
        return Caller.of(token);
    }

    private static InvitationView view(Invitation invitation, Caller caller) {
        return InvitationView.of(invitation, caller.isPerson(invitation.secretaryId, Roles.SECRETARY));
    }
}
