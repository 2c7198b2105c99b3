package ca.pupitre.billing.rest;

import ca.pupitre.billing.api.CreditNoteRequest;
import ca.pupitre.billing.api.DraftUpdateRequest;
import ca.pupitre.billing.api.InvoiceRequest;
import ca.pupitre.billing.api.InvoiceView;
import ca.pupitre.billing.api.PaymentRequest;
import ca.pupitre.billing.api.PaymentView;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.Payment;
import ca.pupitre.billing.service.Idempotency;
import ca.pupitre.billing.service.InvoiceDrafts;
import ca.pupitre.billing.service.InvoiceIssuing;
import ca.pupitre.billing.service.InvoicePdf;
import ca.pupitre.billing.service.InvoiceViews;
import ca.pupitre.billing.service.PaymentService;
import ca.pupitre.platform.problem.Languages;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/invoices")
@Tag(name = "Invoices and payments")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    /** The most invoices a page holds (also the page size when none is asked). */
    static final int MAX_PAGE = 200;

    public static final String PDF = "application/pdf";
    private final InvoiceDrafts drafts;
    private final InvoiceIssuing issuing;
    private final InvoiceViews invoices;
    private final PaymentService payments;
    private final Idempotency idempotency;
    private final InvoicePdf pdf;
    private final SecurityIdentity identity;

    /** A language tag is at most 35 characters long (RFC 5646, section 4.4.1); longer lang values answer 422. */
    static final int LANGUAGE_TAG_MAX = 35;

    public InvoiceResource(InvoiceDrafts drafts, InvoiceIssuing issuing, InvoiceViews invoices, PaymentService payments,
            Idempotency idempotency, InvoicePdf pdf, SecurityIdentity identity) {
        this.drafts = drafts;
        this.issuing = issuing;
        this.invoices = invoices;
        this.payments = payments;
        this.idempotency = idempotency;
        this.pdf = pdf;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.SECRETARY)
    @Operation(summary = "Draft an invoice from the engagement's approved, uninvoiced time and the milestones given")
    @APIResponse(responseCode = "201", description = "Draft created (no number, no taxes yet)")
    @APIResponse(responseCode = "422", description = "Nothing to invoice, invalid amount, key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Same Idempotency-Key still in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createInvoice(@Parameter(description = "Client-chosen key; retries with it never create twice",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.KEY_MAX, pattern = Idempotency.KEY_PATTERN))
            @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull InvoiceRequest request) {
        Caller caller = Caller.of(identity);
        return IdempotentResponse.of(idempotency.run(caller, key, "POST", "/api/v1/invoices", request, () -> {
            InvoiceView view = drafts.createDraft(caller, request);
            return new Idempotency.Answer(201, view, URI.create("/api/v1/invoices/" + view.id()));
        }));
    }

    @GET
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "My invoices and credit notes: issued by me (secretary) or addressed to me (client, no drafts)",
            description = "Newest first, `limit` at a time (200 unless asked). When there are more, the `Link` header names the"
                    + " next page (`rel=\"next\"`, a path with the `after` cursor to pass on as is).")
    @APIResponse(responseCode = "200", description = "A page of invoices",
            headers = @Header(name = "Link", description = "`</api/v1/invoices?limit=N&after=CURSOR>; rel=\"next\"` when there are more",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 256)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InvoiceView.class, maxItems = MAX_PAGE)))
    @APIResponse(responseCode = "400", description = "INVALID_CURSOR",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "VALIDATION_FAILED: a limit outside 1-200, a cursor over 128 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<List<InvoiceView>> listInvoices(
            @Parameter(description = "At most this many (1-200)", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "200"))
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(MAX_PAGE) int limit,
            @Parameter(description = "The cursor of the previous page's Link", schema = @Schema(type = SchemaType.STRING, maxLength = 128))
            @QueryParam("after") @Size(max = 128) String after) {
        InvoiceViews.InvoicePage page = invoices.mine(Caller.of(identity), limit, after);
        RestResponse.ResponseBuilder<List<InvoiceView>> answer = RestResponse.ResponseBuilder.ok(page.items());
        if (page.next() != null) {
            // a path, not an absolute URL: behind the gateway this service's own address means nothing to the caller
            answer.header("Link", "</api/v1/invoices?limit=" + limit + "&after=" + page.next() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "One invoice or credit note (JSON)")
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InvoiceView getInvoice(@PathParam("id") UUID id) {
        return invoices.get(Caller.of(identity), id);
    }

    @GET
    @Path("/{id}")
    @Produces(PDF)
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "One issued invoice or credit note as a PDF, French by default (lang=en or Accept-Language: en)")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409", description = "A draft has no PDF",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pdf(@PathParam("id") UUID id,
            @Size(max = LANGUAGE_TAG_MAX) @Parameter(description = "en for English (any tag starting with en), French otherwise",
                    schema = @Schema(type = SchemaType.STRING, maxLength = LANGUAGE_TAG_MAX))
            @QueryParam("lang") String lang,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("Accept-Language") String acceptLanguage) {
        InvoiceView view = invoices.get(Caller.of(identity), id);
        if (InvoiceState.DRAFT.name().equals(view.state())) {
            throw ProblemException.conflict("INVOICE_NOT_ISSUED");
        }
        boolean english = lang != null && !lang.isBlank()
                ? lang.strip().toLowerCase(Locale.ROOT).startsWith("en")
                : "en".equals(Languages.code(Languages.fromAcceptLanguage(acceptLanguage)));
        return Response.ok(pdf.render(view, english), PDF)
                .header("Content-Disposition", "inline; filename=\"" + view.number() + ".pdf\"")
                .header("Content-Language", english ? "en-CA" : "fr-CA")
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "Replace a draft's milestone lines; 409 once issued (issued invoices are never edited)")
    public InvoiceView updateDraftInvoice(@PathParam("id") UUID id, @Valid @NotNull DraftUpdateRequest request) {
        return drafts.updateDraft(Caller.of(identity), id, request);
    }

    @DELETE
    @Consumes(MediaType.WILDCARD)
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "Delete a draft (its time entries become invoiceable again); 409 once issued")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteDraftInvoice(@PathParam("id") UUID id) {
        drafts.deleteDraft(Caller.of(identity), id);
    }

    @Consumes(MediaType.WILDCARD)
    @POST
    @Path("/{id}/issue")
    @RolesAllowed({Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "Issue a draft: number (per issuer and year, no gaps), taxes on the client's province and today, frozen")
    @APIResponse(responseCode = "200", description = "Issued")
    @APIResponse(responseCode = "409", description = "Not a draft, missing tax profile, key in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issueInvoice(@Parameter(description = "Client-chosen key; retries with it never apply twice",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.KEY_MAX, pattern = Idempotency.KEY_PATTERN))
            @HeaderParam(Idempotency.HEADER) String key, @PathParam("id") UUID id) {
        Caller caller = Caller.of(identity);
        return IdempotentResponse.of(idempotency.run(caller, key, "POST", "/api/v1/invoices/" + id + "/issue", null,
                () -> new Idempotency.Answer(200, issuing.issue(caller, id), null)));
    }

    @POST
    @Path("/{id}/payments")
    @RolesAllowed({Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "Record money received (partial or full); the invoice state follows")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "422", description = "Overpayment, invalid amount",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordPayment(@Parameter(description = "Client-chosen key; retries with it never apply twice",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.KEY_MAX, pattern = Idempotency.KEY_PATTERN))
            @HeaderParam(Idempotency.HEADER) String key, @PathParam("id") UUID id,
            @Valid @NotNull PaymentRequest request) {
        Caller caller = Caller.of(identity);
        return IdempotentResponse.of(idempotency.run(caller, key, "POST", "/api/v1/invoices/" + id + "/payments", request, () -> {
            PaymentView view = payments.record(caller, id, new PaymentService.Receipt(
                    Money.parsePositive("amount", request.amount()), request.method(), request.reference(),
                    request.receivedOn(), Payment.Source.MANUAL, null));
            return new Idempotency.Answer(201, view, URI.create("/api/v1/invoices/" + id + "/payments/" + view.id()));
        }));
    }

    @POST
    @Path("/{id}/payments/{paymentId}/confirmation")
    @RolesAllowed(Roles.CLIENT)
    @Operation(operationId = "confirmPaymentAsClient", summary = "The client confirms a payment the secretary recorded (needed before it makes the engagement reviewable)")
    @APIResponse(responseCode = "200", description = "Confirmed (again: unchanged)")
    @APIResponse(responseCode = "404", description = "Not my invoice, or no such payment on it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a CLIENT token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PaymentView confirmPayment(@PathParam("id") UUID id, @PathParam("paymentId") UUID paymentId) {
        return payments.confirmByClient(Caller.of(identity), id, paymentId);
    }

    @GET
    @Path("/{id}/payments")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "Payments received on an invoice")
    public List<PaymentView> listPayments(@PathParam("id") UUID id) {
        return payments.list(Caller.of(identity), id);
    }

    @POST
    @Path("/{id}/credit-notes")
    @RolesAllowed({Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "Correct an issued invoice with a credit note (own numbering NC-YYYY-NNNNNN, linked)")
    @APIResponse(responseCode = "201", description = "Credit note issued")
    public Response issueCreditNote(@Parameter(description = "Client-chosen key; retries with it never apply twice",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.KEY_MAX, pattern = Idempotency.KEY_PATTERN))
            @HeaderParam(Idempotency.HEADER) String key, @PathParam("id") UUID id,
            @Valid @NotNull CreditNoteRequest request) {
        Caller caller = Caller.of(identity);
        return IdempotentResponse.of(idempotency.run(caller, key, "POST", "/api/v1/invoices/" + id + "/credit-notes", request, () -> {
            InvoiceView view = issuing.creditNote(caller, id, request);
            return new Idempotency.Answer(201, view, URI.create("/api/v1/invoices/" + view.id()));
        }));
    }

    @Consumes(MediaType.WILDCARD)
    @POST
    @Path("/{id}/uncollectible")
    @RolesAllowed({Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "Write an open invoice off as UNCOLLECTIBLE")
    public InvoiceView markInvoiceUncollectible(@PathParam("id") UUID id) {
        return issuing.markUncollectible(Caller.of(identity), id);
    }
}
