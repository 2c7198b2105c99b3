package ca.pupitre.matching.rest;

import ca.pupitre.matching.api.ConversionRequest;
import ca.pupitre.matching.api.ReferralCodeView;
import ca.pupitre.matching.api.ReferralRequest;
import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.domain.Referral;
import ca.pupitre.matching.service.ReferralService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/referrals")
@Tag(name = "Referrals")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final ReferralService referrals;
    private final MatchingConfig config;
    private final JsonWebToken caller;

    public ReferralResource(ReferralService referrals, MatchingConfig config, JsonWebToken caller) {
        this.referrals = referrals;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CLIENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recommend a secretary: my referral code and link for her (the same one on every call)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Already recommended: the existing referral")
    @APIResponse(responseCode = "422", description = "No such secretary", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createReferralCode(@Valid @NotNull ReferralRequest body) {
        ReferralService.Created created = referrals.recommend(UUID.fromString(caller.getSubject()), body.secretaryId());
        Map<String, Object> view = view(created.referral());
        return created.isNew()
                ? Response.created(URI.create("/api/v1/referrals/" + created.referral().code)).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed(Roles.CLIENT)
    @Operation(summary = "My referrals")
    public Map<String, List<Map<String, Object>>> listMyReferralCodes() {
        return Map.of("items", referrals.by(UUID.fromString(caller.getSubject())).stream().map(this::view).toList());
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "Who a referral code recommends (public; the recommending client is not disclosed)")
    @APIResponse(responseCode = "200", description = "The code, the secretary it recommends, and how many clients recommend her",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferralCodeView.class)))
    @APIResponse(responseCode = "404", description = "Unknown code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReferralCodeView getReferralCode(
            @Parameter(description = "A referral code (16 characters at most; a longer one names no code)",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 16))
            @PathParam("code") String code) {
        Referral referral = referrals.get(code);
        return new ReferralCodeView(referral.code, referral.secretaryId, referrals.recommenders(referral.secretaryId));
    }

    @GET
    @Path("/secretaries/{secretaryId}")
    @PermitAll
    @Operation(summary = "How many distinct clients recommend a secretary, and the paid engagements referrals led to (public)")
    public Map<String, Object> getSecretaryReferralStats(@PathParam("secretaryId") UUID secretaryId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("secretaryId", secretaryId);
        view.put("recommendedBy", referrals.recommenders(secretaryId));
        view.put("conversions", referrals.conversions(secretaryId));
        return view;
    }

    @POST
    @Path("/{code}/conversions")
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(summary = "Billing reports a paid engagement this referral led to (idempotent per engagementId; billing's SERVICE token only)")
    @APIResponse(responseCode = "403", description = "Not billing's SERVICE token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "201", description = "Counted")
    @APIResponse(responseCode = "200", description = "Already counted for this referral: nothing changed")
    @APIResponse(responseCode = "404", description = "Unknown code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The referral does not recommend the engagement's secretary, or comes from its own client", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Engagement already counted for another referral", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response convertReferral(@PathParam("code") String code, @Valid @NotNull ConversionRequest body) {
        if (!config.referralReporter().equals(caller.getSubject())) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
        ReferralService.Conversion conversion = referrals.convert(code, body.engagementId(), body.secretaryId(), body.clientId());
        Map<String, Object> view = Map.of("code", conversion.code(), "engagementId", conversion.engagementId());
        return Response.status(conversion.isNew() ? 201 : 200).entity(view).build();
    }

    private Map<String, Object> view(Referral referral) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", referral.code);
        view.put("link", publicUrl() + "/api/v1/referrals/" + referral.code);
        view.put("secretaryId", referral.secretaryId);
        view.put("createdAt", referral.createdAt);
        return view;
    }

    private String publicUrl() {
        String url = config.publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
