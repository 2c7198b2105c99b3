package ca.pupitre.matching.rest;

import ca.pupitre.matching.api.OfferMatchView;
import ca.pupitre.matching.api.ReasonView;
import ca.pupitre.matching.api.RequestMatchView;
import ca.pupitre.matching.domain.ranking.Factor;
import ca.pupitre.matching.domain.ranking.Part;
import ca.pupitre.matching.domain.ranking.Ranker;
import ca.pupitre.matching.service.MatchService;
import ca.pupitre.matching.service.ReferralService;
import ca.pupitre.platform.problem.Languages;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

@Path("/api/v1/matches")
@Tag(name = "Matches")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    private final MatchService matches;
    private final ReferralService referrals;
    private final JsonWebToken token;

    /** What {@link #findMatches} answers, as documented: at most the largest limit. */
    @Schema(name = "MatchItems")
    record Matches(@Schema(description = "OfferMatchView items for a requestId, RequestMatchView items for an offerId",
            maxItems = 100) List<Object> items) {
    }

    public MatchResource(MatchService matches, ReferralService referrals, JsonWebToken token) {
        this.matches = matches;
        this.referrals = referrals;
        this.token = token;
    }

    @GET
    @RolesAllowed({Roles.CLIENT, Roles.SECRETARY, Roles.ADMIN})
    @Operation(summary = "Ranked offers for a request (its client or an admin), or ranked open requests for an offer "
            + "(its secretary or an admin), each with the parts of its score in the caller's language")
    @APIResponse(responseCode = "200", description = "{items: [...]}, best first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Matches.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of requestId/offerId, or a bad limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the listing's owner", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown listing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, List<?>> findMatches(@QueryParam("requestId") UUID requestId, @QueryParam("offerId") UUID offerId,
            @Parameter(description = "How many (default 20); pupitre.matching.ranking.max-limit, 100 unless configured, is the largest",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100"))
            @QueryParam("limit") Integer limit,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        if ((requestId == null) == (offerId == null)) {
            throw ProblemException.badRequest("MATCH_TARGET_REQUIRED");
        }
        Locale locale = Languages.fromAcceptLanguage(acceptLanguage);
        Caller caller = Caller.of(token);
        if (requestId != null) {
            List<Ranker.Ranked> ranked = matches.offersFor(requestId, caller, limit);
            Map<UUID, Long> recommended = referrals.recommenders(ranked.stream().map(r -> r.listing().ownerId()).toList());
            return Map.of("items", ranked.stream()
                    .map(r -> new OfferMatchView(r.listing().id(), r.listing().ownerId(), score(r), r.newcomer(),
                            withReferrals(reasons(r, locale), recommended.getOrDefault(r.listing().ownerId(), 0L), locale)))
                    .toList());
        }
        List<Ranker.Ranked> ranked = matches.requestsFor(offerId, caller, limit);
        // an anonymous request's client is named only to admins and to a secretary that client invited
        Set<UUID> named = matches.clientsShown(offerId, caller, ranked.stream().map(r -> r.listing().id()).toList());
        return Map.of("items", ranked.stream()
                .map(r -> new RequestMatchView(r.listing().id(), named.contains(r.listing().id()) ? r.listing().ownerId() : null,
                        score(r), false, reasons(r, locale)))
                .toList());
    }

    /** "Recommended by N clients" (weight 0: word of mouth explains, it does not rank). */
    private static List<ReasonView> withReferrals(List<ReasonView> reasons, long recommendedBy, Locale locale) {
        if (recommendedBy > 0) {
            reasons.add(ReasonView.of(new Part(Factor.REFERRALS, 0, recommendedBy,
                    recommendedBy == 1 ? "referrals.one" : "referrals.many", List.of(Long.toString(recommendedBy))), locale));
        }
        return reasons;
    }

    private static double score(Ranker.Ranked r) {
        return Math.round(r.fit().score() * 1_000_000) / 1_000_000.0;
    }

    private static List<ReasonView> reasons(Ranker.Ranked r, Locale locale) {
        List<ReasonView> reasons = new ArrayList<>();
        r.fit().parts().forEach(p -> reasons.add(ReasonView.of(p, locale)));
        if (r.newcomer()) {
            reasons.add(ReasonView.of(new Part(Factor.NEWCOMER, 0, 1, r.promoted() ? "newcomer.promoted" : "newcomer", List.of()), locale));
        }
        return reasons;
    }
}
