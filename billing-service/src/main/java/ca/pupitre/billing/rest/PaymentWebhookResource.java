package ca.pupitre.billing.rest;

import ca.pupitre.billing.api.PaymentView;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.Payment;
import ca.pupitre.billing.domain.PaymentMethod;
import ca.pupitre.billing.service.PaymentService;
import ca.pupitre.billing.service.WebhookSignatures;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The payment provider's confirmations, authenticated by an HMAC signature rather than a token. */
@Path("/api/v1/billing/webhooks/payments")
@Tag(name = "Invoices and payments")
@PermitAll
@SecurityScheme(securitySchemeName = "paymentSignature", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "Pupitre-Signature", description = "The payment provider's signature of the request: t=<unix seconds>,"
                + "v1=<hex HMAC-SHA256 of t.body with the shared webhook secret>; refused when older than the tolerance")
@SecurityRequirement(name = "paymentSignature")
public class PaymentWebhookResource {

    /** The provider's event: its id makes redeliveries harmless. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "PaymentWebhookEvent")
    public record Event(
            @Schema(required = true, minLength = 1, maxLength = EVENT_ID_MAX) String eventId,
            @Schema(required = true) UUID invoiceId,
            @Schema(required = true, example = "200.00", maxLength = AMOUNT_MAX) String amount,
            @Schema(required = true) PaymentMethod method,
            @Schema(maxLength = REFERENCE_MAX) String reference,
            @Schema(required = true) LocalDate receivedOn) {
    }

    /** The provider_event_id column. */
    static final int EVENT_ID_MAX = 200;
    /** Like the amounts of PaymentRequest. */
    static final int AMOUNT_MAX = 20;
    /** The payment.reference column, like PaymentRequest's reference. */
    static final int REFERENCE_MAX = 200;
    /**
     * {@code t=<unix seconds>,v1=<64 hex>} is about 80 characters; 512 leaves room for several v1 values (a secret
     * being rotated) and other schemes the verifier ignores. Longer headers answer 422 before any HMAC is computed.
     */
    static final int SIGNATURE_MAX = 512;

    private final WebhookSignatures signatures;
    private final PaymentService payments;
    private final ObjectMapper json;

    public PaymentWebhookResource(WebhookSignatures signatures, PaymentService payments, ObjectMapper json) {
        this.signatures = signatures;
        this.payments = payments;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Payment confirmed by the provider; header Pupitre-Signature: t=<unix>,v1=<hex HMAC-SHA256 of t.body>")
    @APIResponse(responseCode = "201", description = "Payment applied")
    @APIResponse(responseCode = "200", description = "Event already applied (redelivery)")
    @APIResponse(responseCode = "401", description = "Bad signature, or older than 5 minutes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receivePaymentWebhook(
            @Size(max = SIGNATURE_MAX) @Parameter(description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>",
                    schema = @Schema(type = SchemaType.STRING, maxLength = SIGNATURE_MAX, example = "t=1764756000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"))
            @HeaderParam(WebhookSignatures.HEADER) String signature,
            @RequestBody(required = true, description = "The event as JSON; the signature covers these exact bytes",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Event.class)))
            String rawBody) {
        signatures.verify(signature, rawBody == null ? "" : rawBody);
        Event event;
        try {
            event = json.readValue(rawBody, Event.class);
        } catch (IOException e) {
            throw ProblemException.badRequest("MALFORMED_JSON");
        }
        if (event.eventId() == null || event.eventId().isBlank() || event.eventId().length() > EVENT_ID_MAX
                || event.invoiceId() == null || event.method() == null || event.receivedOn() == null
                || event.amount() != null && event.amount().length() > AMOUNT_MAX
                || event.reference() != null && event.reference().length() > REFERENCE_MAX) {
            throw ProblemException.unprocessable("INVALID_WEBHOOK_EVENT");
        }
        Optional<PaymentView> applied = payments.confirm(event.invoiceId(), new PaymentService.Receipt(
                Money.parsePositive("amount", event.amount()), event.method(), event.reference(), event.receivedOn(),
                Payment.Source.WEBHOOK, event.eventId()));
        return applied.<Response>map(view -> Response.status(201).entity(view).type(MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> Response.ok(Map.of("eventId", event.eventId(), "duplicate", true), MediaType.APPLICATION_JSON).build());
    }
}
