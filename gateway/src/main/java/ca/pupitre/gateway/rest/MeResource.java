package ca.pupitre.gateway.rest;

import ca.pupitre.gateway.api.AccountUpdate;
import ca.pupitre.gateway.api.AccountView;
import ca.pupitre.gateway.api.ClosureRequest;
import ca.pupitre.gateway.api.PasswordChange;
import ca.pupitre.gateway.api.SessionView;
import ca.pupitre.gateway.service.AccountErasure;
import ca.pupitre.gateway.service.AccountService;
import ca.pupitre.gateway.service.EmailVerification;
import ca.pupitre.gateway.service.PersonalDataExport;
import ca.pupitre.gateway.service.SessionService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

@Path("/api/v1/me")
@Tag(name = "Accounts")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"SECRETARY", "CLIENT", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;
    private final JsonWebToken jwt;
    private final EmailVerification verification;
    private final SessionService sessions;
    private final PersonalDataExport export;
    private final AccountErasure erasure;

    public MeResource(AccountService accounts, JsonWebToken jwt, EmailVerification verification, SessionService sessions,
            PersonalDataExport export, AccountErasure erasure) {
        this.export = export;
        this.erasure = erasure;
        this.verification = verification;
        this.sessions = sessions;
        this.accounts = accounts;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "The signed-in person's account")
    public AccountView getMyAccount() {
        return AccountView.of(accounts.get(accountId()));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's display name or language")
    public AccountView updateMyAccount(@Valid @NotNull AccountUpdate body) {
        return AccountView.of(accounts.update(accountId(), body));
    }

    @POST
    @Path("/verification-email")
    @Operation(operationId = "sendVerificationEmail", summary = "Send a new link to verify my e-mail address (at most one a minute, five a day)")
    @APIResponse(responseCode = "202", description = "Sent")
    @APIResponse(responseCode = "409", description = "Already verified", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too soon (Retry-After)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Mail unavailable (MAIL_UNAVAILABLE, Retry-After)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sendVerificationEmail() {
        verification.send(accountId());
        return Response.accepted().build();
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeMyPassword", summary = "Change my password (the current one required): my other sessions end, a notice is e-mailed")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "403", description = "Wrong current password (WRONG_PASSWORD)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "New password too weak (WEAK_PASSWORD)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changePassword(@Valid @NotNull PasswordChange body) {
        accounts.changePassword(accountId(), body.currentPassword(), body.newPassword(), sessionId());
        return Response.noContent().build();
    }

    @GET
    @Path("/sessions")
    @Operation(operationId = "listMySessions", summary = "My open sessions (device, started, last used), most recently used first")
    public Map<String, List<SessionView>> sessions() {
        UUID current = sessionId();
        return Map.of("items", sessions.sessionsOf(accountId()).stream().map(s -> SessionView.of(s, current)).toList());
    }

    @DELETE
    @Path("/sessions/{id}")
    @Operation(operationId = "endMySession", summary = "End one of my sessions (its refresh token stops working; its access token expires within 15 min)")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "Not one of my open sessions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response endSession(@PathParam("id") UUID id) {
        sessions.end(accountId(), id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/sessions")
    @Operation(operationId = "endMySessions", summary = "End all my sessions, this one included (or all others with ?others=true)")
    @APIResponse(responseCode = "204", description = "Ended")
    public Response endSessions(@QueryParam("others") boolean othersOnly) {
        sessions.endAll(accountId(), othersOnly ? sessionId() : null);
        return Response.noContent().build();
    }

    @GET
    @Path("/export")
    @Operation(operationId = "exportMyData", summary = "All my data from every service, as one JSON document (Québec's Law 25)")
    @APIResponse(responseCode = "200", description = "The document (format pupitre-personal-data/1), as an attachment")
    @APIResponse(responseCode = "503", description = "A service could not answer; nothing partial is given (Retry-After)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("Accept-Language") String acceptLanguage) {
        var document = export.export(accountId(), acceptLanguage);
        String day = document.get("exportedAt").asText().substring(0, 10);
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"pupitre-" + day + ".json\"")
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closeMyAccount", summary = "Close my account (password required): my data is erased in every service, except issued invoices kept six years by law")
    @APIResponse(responseCode = "204", description = "Closed, and erased everywhere")
    @APIResponse(responseCode = "202", description = "Closed; a service will finish erasing shortly (retried automatically)")
    @APIResponse(responseCode = "403", description = "Wrong password (WRONG_PASSWORD)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Active engagement or unsettled invoice (ACCOUNT_HAS_OPEN_BUSINESS), or an admin account (ADMIN_NOT_CLOSED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Billing unreachable: nothing changed (Retry-After)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@Valid @NotNull ClosureRequest body) {
        return erasure.close(accountId(), body.password()) ? Response.noContent().build() : Response.accepted().build();
    }

    /** The session of this access token ({@code sid}); null for tokens issued before sessions had ids. */
    private UUID sessionId() {
        Object sid = jwt.getClaim("sid");
        String value = sid instanceof JsonString json ? json.getString() : sid == null ? null : sid.toString();
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private UUID accountId() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException notAPerson) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
    }
}
