package ca.pupitre.billing.rest;

import ca.pupitre.billing.api.TaxQuoteView;
import ca.pupitre.billing.service.TaxService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tax")
@Tag(name = "Taxes")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class TaxResource {

    private final TaxService taxes;

    /** A longer subtotal answers 400 INVALID_AMOUNT. */
    static final int SUBTOTAL_TEXT_MAX = 40;

    public TaxResource(TaxService taxes) {
        this.taxes = taxes;
    }

    @GET
    @Path("/quote")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "GST/QST/HST on a subtotal, exactly as an invoice would carry them")
    @APIResponse(responseCode = "200", description = "The tax lines and totals")
    @APIResponse(responseCode = "400", description = "Unknown province, malformed or negative subtotal, date before the rate table",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TaxQuoteView quoteTaxes(
            @Parameter(description = "Taxable subtotal, e.g. 475.00", required = true, schema = @Schema(type = SchemaType.STRING, maxLength = SUBTOTAL_TEXT_MAX)) @QueryParam("subtotal") String subtotal,
            @Size(max = 2) @Parameter(description = "Client's province (place of supply), e.g. QC", required = true, schema = @Schema(type = SchemaType.STRING, maxLength = 2)) @QueryParam("clientProvince") String clientProvince,
            @Parameter(description = "Whether the supplier is registered for GST/QST (false: small supplier)", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("supplierRegistered") String supplierRegistered,
            @Size(max = 10) @Parameter(description = "Date of supply (YYYY-MM-DD); today in Québec when absent", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) @QueryParam("date") String date) {
        return TaxQuoteView.of(taxes.quote(amount(subtotal), required("clientProvince", clientProvince),
                supplierRegistered == null || !"false".equalsIgnoreCase(supplierRegistered.strip()), date(date)));
    }

    private static BigDecimal amount(String raw) {
        required("subtotal", raw);
        if (raw.length() > SUBTOTAL_TEXT_MAX || !raw.strip().matches("-?\\d+(\\.\\d+)?")) {
            throw ProblemException.badRequest("INVALID_AMOUNT");
        }
        return new BigDecimal(raw.strip());
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("INVALID_DATE");
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("MISSING_PARAMETER", name);
        }
        return value;
    }
}
