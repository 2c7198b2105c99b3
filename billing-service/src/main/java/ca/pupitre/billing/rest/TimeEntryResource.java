package ca.pupitre.billing.rest;

import ca.pupitre.billing.api.CommentRequest;
import ca.pupitre.billing.api.TimeEntryRequest;
import ca.pupitre.billing.api.TimeEntryView;
import ca.pupitre.billing.service.TimesheetService;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/time-entries")
@Tag(name = "Engagements and time")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TimeEntryResource {

    private final TimesheetService timesheets;
    private final SecurityIdentity identity;

    public TimeEntryResource(TimesheetService timesheets, SecurityIdentity identity) {
        this.timesheets = timesheets;
        this.identity = identity;
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.SECRETARY)
    @Operation(summary = "Correct a submitted or disputed entry (back to SUBMITTED); approved entries are locked (409)")
    public TimeEntryView correctTimeEntry(@PathParam("id") UUID id, @Valid @NotNull TimeEntryRequest request) {
        return timesheets.correct(Caller.of(identity), id, request);
    }

    @POST
    @Path("/{id}/comments")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
    @Operation(summary = "Add to an entry's comment trail")
    public TimeEntryView commentTimeEntry(@PathParam("id") UUID id, @Valid @NotNull CommentRequest request) {
        return timesheets.comment(Caller.of(identity), id, request.comment());
    }
}
