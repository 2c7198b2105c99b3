package ca.pupitre.matching.rest;

import ca.pupitre.matching.api.AlertRequest;
import ca.pupitre.matching.api.AlertView;
import ca.pupitre.matching.service.AlertService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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

@Path("/api/v1/alerts")
@Tag(name = "Alerts")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertService alerts;
    private final JsonWebToken caller;

    /** What {@link #listMyAlerts} answers, as documented: pupitre.matching.alerts.max-per-account (20) at most. */
    @Schema(name = "AlertItems")
    record Alerts(@Schema(maxItems = 20) List<AlertView> items) {
    }

    public AlertResource(AlertService alerts, JsonWebToken caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My saved searches")
    @APIResponse(responseCode = "200", description = "{items: [...]}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Alerts.class)))
    public Map<String, List<AlertView>> listMyAlerts() {
        return Map.of("items", alerts.of(callerId()).stream().map(AlertView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search: secretaries watch requests, clients watch offers")
    @APIResponse(responseCode = "201", description = "Saved")
    @APIResponse(responseCode = "422", description = "Invalid criteria", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "E-mail address not verified (EMAIL_NOT_VERIFIED): alert e-mails go only to a proven address", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createAlert(@Valid @NotNull AlertRequest body) {
        // alert e-mails go only to an address its owner proved (else any address could be flooded)
        Caller who = Caller.of(caller).requireVerifiedEmail();
        String role = who.is(Roles.SECRETARY) ? Roles.SECRETARY : Roles.CLIENT;
        AlertRequest request = body.language() == null ? body.withLanguage(tokenLanguage()) : body;
        AlertView created = AlertView.of(alerts.create(callerId(), role, request, claim("email"), claim("name")));
        return Response.created(URI.create("/api/v1/alerts/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one of my saved searches")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such alert of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deleteAlert(@PathParam("id") UUID id) {
        alerts.delete(callerId(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/unsubscribe")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Bilingual page confirming a one-click unsubscribe (nothing changes until it is confirmed by POST)")
    public Response getUnsubscribePage(
            @Parameter(description = "The token of the e-mail's link (43 characters; another names nothing)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 43, pattern = "^[A-Za-z0-9_-]+$"))
            @QueryParam("token") String token) {
        boolean known = alerts.exists(token);
        String action = known ? "<form method=\"post\" action=\"/api/v1/alerts/unsubscribe?token=" + token + "\">"
                + "<button type=\"submit\">Me désabonner / Unsubscribe</button></form>" : "";
        String text = known ? "<p>Ne plus recevoir ces courriels de Pupitre ?</p><p lang=\"en\">Stop receiving these Pupitre e-mails?</p>"
                : "<p>Vous êtes déjà désabonné.</p><p lang=\"en\">You are already unsubscribed.</p>";
        return Response.status(known ? 200 : 404).entity(page("Désabonnement / Unsubscribe", text + action)).build();
    }

    @POST
    @Path("/unsubscribe")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One-click unsubscribe (RFC 8058): deletes the token's alert (or stops its owner's expiry reminders); 200 also when already done")
    @APIResponse(responseCode = "200", description = "Unsubscribed (or already)")
    public Response unsubscribeAlert(
            @Parameter(description = "The token of the e-mail's link (43 characters; another names nothing)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 43, pattern = "^[A-Za-z0-9_-]+$"))
            @QueryParam("token") String token) {
        if (token == null || token.isBlank()) {
            throw ProblemException.badRequest("UNSUBSCRIBE_TOKEN_REQUIRED");
        }
        alerts.unsubscribe(token);
        return Response.ok(page("Désabonné / Unsubscribed",
                "<p>Vous ne recevrez plus ces courriels.</p><p lang=\"en\">You will no longer receive these e-mails.</p>")).build();
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"fr-CA\"><head><meta charset=\"utf-8\"><title>" + title + " · Pupitre</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
    }

    private String claim(String name) {
        Object value = caller.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }

    /** The token's {@code locale} claim ("en-CA", "fr") as an alert language; French otherwise. */
    private String tokenLanguage() {
        String locale = claim("locale");
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "fr";
    }

    private UUID callerId() {
        return UUID.fromString(caller.getSubject());
    }
}
