package ca.pupitre.gateway.rest;

import ca.pupitre.gateway.api.AccountAdminView;
import ca.pupitre.gateway.api.DisableRequest;
import ca.pupitre.gateway.service.AccountModeration;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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

/** Admins find, disable and re-enable people's accounts. */
@Path("/api/v1/admin/accounts")
@Tag(name = "Administration")
@SecurityRequirement(name = "jwt")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {

    private final AccountModeration moderation;
    private final JsonWebToken jwt;

    public AccountAdminResource(AccountModeration moderation, JsonWebToken jwt) {
        this.moderation = moderation;
        this.jwt = jwt;
    }

    @GET
    @Operation(operationId = "findAccountByEmail", summary = "Find an account by e-mail address")
    @APIResponse(responseCode = "200", description = "The account, with its moderation state")
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccountAdminView find(@Size(max = 254) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 254))
            @QueryParam("email") String email) {
        if (email == null || email.isBlank()) {
            throw ProblemException.badRequest("BAD_REQUEST");
        }
        return AccountAdminView.of(moderation.find(email));
    }

    @POST
    @Path("/{id}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "disableAccount", summary = "Disable an account: sessions revoked, sign-in refused, its listings hidden; the reason is recorded")
    @APIResponse(responseCode = "200", description = "Disabled (again: the reason is updated)")
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An admin account (ADMIN_NOT_DISABLED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Listings unreachable: nothing changed, retry", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccountAdminView disable(@PathParam("id") UUID id, @Valid @NotNull DisableRequest body) {
        return AccountAdminView.of(moderation.disable(admin(), id, body.reason()));
    }

    @POST
    @Path("/{id}/enable")
    @Operation(operationId = "enableAccount", summary = "Enable a disabled account again: its listings come back as they were")
    @APIResponse(responseCode = "200", description = "Enabled")
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Listings unreachable: nothing changed, retry", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AccountAdminView enable(@PathParam("id") UUID id) {
        return AccountAdminView.of(moderation.enable(admin(), id));
    }

    private UUID admin() {
        return UUID.fromString(jwt.getSubject());
    }
}
