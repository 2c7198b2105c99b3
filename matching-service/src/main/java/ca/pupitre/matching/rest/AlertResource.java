package ca.pupitre.matching.rest;

import ca.pupitre.matching.rest.dto.AlertRequest;
import ca.pupitre.matching.rest.dto.AlertView;
import ca.pupitre.matching.service.AlertService;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/alerts")
@Tag(name = "Alerts")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"SECRETARY", "CLIENT"})
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertService alerts;
    private final JsonWebToken caller;

    public AlertResource(AlertService alerts, JsonWebToken caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My saved searches")
    public Map<String, List<AlertView>> mine() {
        return Map.of("items", alerts.of(callerId()).stream().map(AlertView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search: secretaries watch requests, clients watch offers")
    @APIResponse(responseCode = "201", description = "Saved")
    @APIResponse(responseCode = "422", description = "Invalid criteria", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull AlertRequest body) {
        String role = caller.getGroups().contains("SECRETARY") ? "SECRETARY" : "CLIENT";
        AlertView created = AlertView.of(alerts.create(callerId(), role, body));
        return Response.created(URI.create("/api/v1/alerts/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete one of my saved searches")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such alert of mine", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id) {
        alerts.delete(callerId(), id);
        return Response.noContent().build();
    }

    private UUID callerId() {
        return UUID.fromString(caller.getSubject());
    }
}
