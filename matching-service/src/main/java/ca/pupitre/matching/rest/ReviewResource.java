package ca.pupitre.matching.rest;

import ca.pupitre.matching.api.ReviewRequest;
import ca.pupitre.matching.api.ReviewView;
import ca.pupitre.matching.api.TextRequest;
import ca.pupitre.matching.domain.Review;
import ca.pupitre.matching.service.MatchService;
import ca.pupitre.matching.service.ReviewService;
import ca.pupitre.platform.problem.Languages;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
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

@Path("/api/v1/reviews")
@Tag(name = "Reviews")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService reviews;
    private final MatchService matches;
    private final JsonWebToken token;

    public ReviewResource(ReviewService reviews, MatchService matches, JsonWebToken token) {
        this.reviews = reviews;
        this.matches = matches;
        this.token = token;
    }

    @POST
    @RolesAllowed(Roles.CLIENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Review the secretary of one of my engagements (billing must confirm a paid invoice)")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "403", description = "Not my engagement, or e-mail address not verified (EMAIL_NOT_VERIFIED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already reviewed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown engagement or no paid invoice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Billing unreachable: refused, never stored unverified", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createReview(@Valid @NotNull ReviewRequest body,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Review review = reviews.create(Caller.of(token).requireVerifiedEmail(), body.engagementId(), body.stars(), body.text());
        return Response.created(URI.create("/api/v1/reviews/" + review.id))
                .entity(ReviewView.of(review, true, false, Languages.fromAcceptLanguage(acceptLanguage))).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "A secretary's visible reviews with their count, average and weighted (Bayesian) average")
    public Map<String, Object> listReviews(@QueryParam("secretaryId") UUID secretaryId,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        if (secretaryId == null) {
            throw ProblemException.badRequest("SECRETARY_REQUIRED");
        }
        boolean admin = Caller.of(token).isAdmin();
        List<Review> visible = reviews.visibleFor(secretaryId);
        int sum = visible.stream().mapToInt(r -> r.stars).sum();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("secretaryId", secretaryId);
        answer.put("count", visible.size());
        answer.put("average", visible.isEmpty() ? null : Math.round(10.0 * sum / visible.size()) / 10.0);
        answer.put("weightedAverage", Math.round(10 * matches.weightedStars(visible.size(), sum)) / 10.0);
        Locale locale = Languages.fromAcceptLanguage(acceptLanguage);
        answer.put("items", visible.stream().map(r -> ReviewView.of(r, admin, admin, locale)).toList());
        return answer;
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed(Roles.SECRETARY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The reviewed secretary's one public answer")
    @APIResponse(responseCode = "409", description = "Already answered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The review with its answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    public ReviewView answerReview(@PathParam("id") UUID id, @Valid @NotNull TextRequest body,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return ReviewView.of(reviews.answer(Caller.of(token), id, body.text()), Languages.fromAcceptLanguage(acceptLanguage));
    }

    @POST
    @Path("/{id}/reports")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a review to the moderators (once per person)")
    public Response reportReview(@PathParam("id") UUID id, @Valid @NotNull TextRequest body) {
        reviews.report(Caller.of(token), id, body.text());
        return Response.accepted().build();
    }

    @POST
    @Path("/{id}/hide")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hide a review (admin): it leaves the public list and the reputation")
    public ReviewView hideReview(@PathParam("id") UUID id, @Valid @NotNull TextRequest body) {
        return ReviewView.of(reviews.moderate(id, true, body.text()), true, true, Locale.CANADA_FRENCH);
    }

    @POST
    @Path("/{id}/unhide")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Show a hidden review again (admin)")
    public ReviewView unhideReview(@PathParam("id") UUID id) {
        return ReviewView.of(reviews.moderate(id, false, null), true, true, Locale.CANADA_FRENCH);
    }
}
