package ca.pupitre.billing.rest;

import ca.pupitre.billing.api.DisputeRequest;
import ca.pupitre.billing.api.EngagementRequest;
import ca.pupitre.billing.api.EngagementView;
import ca.pupitre.billing.api.ReviewEligibilityView;
import ca.pupitre.billing.api.TimeEntryRequest;
import ca.pupitre.billing.api.TimeEntryView;
import ca.pupitre.billing.service.EngagementService;
import ca.pupitre.billing.service.TimesheetService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/engagements")
@Tag(name = "Engagements and time")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EngagementResource {

    private final EngagementService engagements;
    private final TimesheetService timesheets;
    private final SecurityIdentity identity;

    public EngagementResource(EngagementService engagements, TimesheetService timesheets, SecurityIdentity identity) {
        this.engagements = engagements;
        this.timesheets = timesheets;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "Start an engagement from an invitation matching-service confirms as ACCEPTED")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "403", description = "The invitation is not this client's (or not this secretary's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Invitation not ACCEPTED, or already engaged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "matching-service unreachable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createEngagement(@Valid @NotNull EngagementRequest request) {
        EngagementView view = engagements.create(Caller.of(identity), request);
        return Response.created(URI.create("/api/v1/engagements/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "My engagements (as client or secretary)")
    public List<EngagementView> listEngagements() {
        return engagements.mine(Caller.of(identity));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "One engagement (its parties and admins)")
    public EngagementView getEngagement(@PathParam("id") UUID id) {
        return engagements.get(Caller.of(identity), id);
    }

    @Consumes(MediaType.WILDCARD)
    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "End an engagement: ACTIVE → ENDED (no more time; still invoiceable)")
    public EngagementView endEngagement(@PathParam("id") UUID id) {
        return engagements.end(Caller.of(identity), id);
    }

    @GET
    @Path("/{id}/review-eligibility")
    @RolesAllowed({Roles.SERVICE, Roles.CLIENT, Roles.ADMIN})
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(summary = "For matching-service: the parties and whether an invoice of this engagement is paid")
    public ReviewEligibilityView getReviewEligibility(@PathParam("id") UUID id) {
        return engagements.reviewEligibility(Caller.of(identity), id);
    }

    @POST
    @Path("/{id}/time-entries")
    @RolesAllowed(Roles.SECRETARY)
    @Operation(summary = "Log time (and units) on an active engagement")
    @APIResponse(responseCode = "201", description = "Created, SUBMITTED")
    public Response logTimeEntry(@PathParam("id") UUID id, @Valid @NotNull TimeEntryRequest request) {
        TimeEntryView view = timesheets.log(Caller.of(identity), id, request);
        return Response.created(URI.create("/api/v1/time-entries/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/{id}/time-entries")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "Time entries, optionally of one week (weekStart = a Monday)")
    public List<TimeEntryView> listTimeEntries(@PathParam("id") UUID id,
            @Size(max = 10) @Parameter(description = "A Monday (YYYY-MM-DD)", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2026-11-02"))
            @QueryParam("weekStart") String weekStart) {
        return timesheets.list(Caller.of(identity), id, weekStart == null || weekStart.isBlank() ? null : date(weekStart));
    }

    @Consumes(MediaType.WILDCARD)
    @POST
    @Path("/{id}/weeks/{weekStart}/approve")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "Approve the week's submitted entries (they are locked from then on)")
    public List<TimeEntryView> approveTimesheetWeek(@PathParam("id") UUID id,
            @Size(max = 10) @Parameter(description = "A Monday (YYYY-MM-DD)", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2026-11-02"))
            @PathParam("weekStart") String weekStart) {
        return timesheets.approveWeek(Caller.of(identity), id, date(weekStart));
    }

    @POST
    @Path("/{id}/weeks/{weekStart}/dispute")
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "Dispute the week's submitted entries (or the ones named) with a comment")
    public List<TimeEntryView> disputeTimesheetWeek(@PathParam("id") UUID id,
            @Size(max = 10) @Parameter(description = "A Monday (YYYY-MM-DD)", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2026-11-02"))
            @PathParam("weekStart") String weekStart,
            @Valid @NotNull DisputeRequest request) {
        return timesheets.disputeWeek(Caller.of(identity), id, date(weekStart), request);
    }

    static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("INVALID_DATE");
        }
    }
}
