package ca.pupitre.billing.rest;

import ca.pupitre.billing.api.PromotionRequest;
import ca.pupitre.billing.api.PromotionView;
import ca.pupitre.billing.service.Idempotency;
import ca.pupitre.billing.service.PromotionService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/promotions")
@Tag(name = "Promotion")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionResource {

    private final PromotionService promotions;
    private final Idempotency idempotency;
    private final SecurityIdentity identity;

    public PromotionResource(PromotionService promotions, Idempotency idempotency, SecurityIdentity identity) {
        this.promotions = promotions;
        this.idempotency = idempotency;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SECRETARY)
    @Operation(summary = "Buy \"À la une\" for an offer (7 or 30 days): Pupitre issues the invoice; paid, the offer is featured")
    @APIResponse(responseCode = "201", description = "Promotion awaiting payment, with its issued invoice")
    @APIResponse(responseCode = "409", description = "Buyer has no tax profile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Pupitre's tax numbers are not configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response buyPromotion(@Parameter(description = "Client-chosen key; retries with it never buy twice",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Idempotency.KEY_MAX, pattern = Idempotency.KEY_PATTERN))
            @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull PromotionRequest request) {
        Caller caller = Caller.of(identity);
        return IdempotentResponse.of(idempotency.run(caller, key, "POST", "/api/v1/promotions", request, () -> {
            PromotionView view = promotions.buy(caller, request);
            return new Idempotency.Answer(201, view, URI.create("/api/v1/promotions/" + view.id()));
        }));
    }

    @GET
    @RolesAllowed(Roles.SECRETARY)
    @Operation(summary = "My promotions")
    public List<PromotionView> listMyPromotions() {
        return promotions.mine(Caller.of(identity));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "One promotion")
    public PromotionView getPromotion(@PathParam("id") UUID id) {
        return promotions.get(Caller.of(identity), id);
    }
}
