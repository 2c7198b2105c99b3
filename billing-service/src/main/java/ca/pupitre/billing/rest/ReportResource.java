package ca.pupitre.billing.rest;

import ca.pupitre.billing.api.ReportViews;
import ca.pupitre.billing.service.ReportService;
import ca.pupitre.billing.service.TaxService;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/billing/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.SECRETARY, Roles.ADMIN})
public class ReportResource {

    private final ReportService reports;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ReportResource(ReportService reports, SecurityIdentity identity, Clock clock) {
        this.reports = reports;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/revenue")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revenue by month of a year (invoiced, credited, net, taxes, payments received)")
    public ReportViews.Revenue getRevenueReport(
            @Parameter(description = "Calendar year (this year in Québec when absent); 2000 to 2100",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2100"))
            @QueryParam("year") Integer year, @QueryParam("secretaryId") UUID secretaryId) {
        UUID who = reports.subject(Caller.of(identity), secretaryId);
        return reports.revenue(who, year != null ? year : LocalDate.now(clock.withZone(TaxService.QUEBEC)).getYear());
    }

    @GET
    @Path("/taxes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Taxes collected over a period (issue dates, inclusive): what goes on the GST/HST and QST returns")
    public ReportViews.Taxes getTaxReport(
            @Size(max = 10) @Parameter(description = "First issue date, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2026-11-02")) @QueryParam("from") String from,
            @Size(max = 10) @Parameter(description = "Last issue date, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2026-11-02")) @QueryParam("to") String to,
            @QueryParam("secretaryId") UUID secretaryId) {
        UUID who = reports.subject(Caller.of(identity), secretaryId);
        return reports.taxes(who, date("from", from), date("to", to));
    }

    @GET
    @Path("/receivables")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unpaid invoices, and those overdue (due date passed, in Québec)")
    public ReportViews.Receivables getReceivablesReport(@QueryParam("secretaryId") UUID secretaryId) {
        return reports.receivables(reports.subject(Caller.of(identity), secretaryId));
    }

    @GET
    @Path("/invoices.csv")
    @Produces("text/csv")
    @Operation(summary = "Invoices and credit notes of a period as CSV (streamed)")
    public Response exportInvoicesCsv(
            @Size(max = 10) @Parameter(description = "First issue date, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2026-11-02")) @QueryParam("from") String from,
            @Size(max = 10) @Parameter(description = "Last issue date, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10, example = "2026-11-02")) @QueryParam("to") String to,
            @QueryParam("secretaryId") UUID secretaryId) {
        UUID who = reports.subject(Caller.of(identity), secretaryId);
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("INVALID_PERIOD", start, end);
        }
        StreamingOutput body = out -> reports.csv(who, start, end, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"pupitre-" + start + "-" + end + ".csv\"").build();
    }

    private static LocalDate date(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badRequest("MISSING_PARAMETER", name);
        }
        return EngagementResource.date(raw);
    }
}
