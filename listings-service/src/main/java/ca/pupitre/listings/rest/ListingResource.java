package ca.pupitre.listings.rest;

import ca.pupitre.listings.api.ChangePage;
import ca.pupitre.listings.api.CloseRequest;
import ca.pupitre.listings.api.ExpiringListing;
import ca.pupitre.listings.api.FeaturedRequest;
import ca.pupitre.listings.api.HideRequest;
import ca.pupitre.listings.api.HistoryEntry;
import ca.pupitre.listings.api.ListingPage;
import ca.pupitre.listings.api.ListingRequest;
import ca.pupitre.listings.api.ListingView;
import ca.pupitre.listings.api.ReportRequest;
import ca.pupitre.listings.api.ReportView;
import ca.pupitre.listings.api.SearchPage;
import ca.pupitre.listings.api.Suggestions;
import ca.pupitre.listings.service.ChangeFeedService;
import ca.pupitre.listings.service.ListingService;
import ca.pupitre.listings.service.ListingValidator;
import ca.pupitre.listings.service.SearchService;
import ca.pupitre.platform.problem.Languages;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Offers and requests: thin HTTP layer over {@link ListingService}, {@link SearchService} and {@link ChangeFeedService}. */
@Path("/api/v1/listings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Listings")
@APIResponse(responseCode = "400", description = "Malformed request",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ListingResource {

    private static final Duration EXPIRING_MAX = Duration.ofDays(60);

    private final ListingService listings;
    private final SearchService search;
    private final ChangeFeedService feed;
    private final JsonWebToken jwt;

    public ListingResource(ListingService listings, SearchService search, ChangeFeedService feed, JsonWebToken jwt) {
        this.listings = listings;
        this.search = search;
        this.feed = feed;
        this.jwt = jwt;
    }

    @GET
    @PermitAll
    @Operation(summary = "Search published listings (French and English full text, synonyms, typos)",
            description = "Any-word matching ranked by relevance (BM25): listings matching more of the words, in the title"
                    + " or skills, and with the words close together rank first; trade synonyms in both languages and"
                    + " Québec abbreviations; typos tolerated. didYouMean is present when the text found almost nothing.")
    @APIResponse(responseCode = "200", description = "A page of matching listings, with facets and the cursor of the next page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPage.class)))
    public SearchPage searchListings(@Parameter(description = "Words to find (at most 200 characters)", schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @QueryParam("q") String q,
            @Parameter(description = "OFFER or REQUEST (any case)", schema = @Schema(type = SchemaType.STRING, maxLength = 7)) @QueryParam("kind") String kind,
            @QueryParam("skill") List<String> skills, @QueryParam("language") List<String> languages,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = "0[1-9]|1[0-7]", maxLength = 2)) @QueryParam("region") String region,
            @QueryParam("remote") Boolean remote,
            @Parameter(description = "A pricing unit (any case)", schema = @Schema(type = SchemaType.STRING, maxLength = 14)) @QueryParam("unit") String unit,
            @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = ListingValidator.NUMBER_TEXT_MAX)) @QueryParam("minRate") String minRate,
            @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = ListingValidator.NUMBER_TEXT_MAX)) @QueryParam("maxRate") String maxRate,
            @Parameter(description = "RELEVANCE, NEWEST or RATE (any case)", schema = @Schema(type = SchemaType.STRING, maxLength = 9)) @QueryParam("sort") String sort,
            @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256)) @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 20)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit,
            @Parameter(description = "Only the listings of this person (a secretary's public profile); anonymous requests"
                    + " are never found this way", schema = @Schema(format = "uuid")) @QueryParam("owner") String owner) {
        return search.search(new SearchService.Params(q, kind, skills, languages, region, remote, unit, minRate, maxRate, sort,
                cursor, limit, owner));
    }

    @GET
    @Path("suggest")
    @PermitAll
    @Operation(operationId = "suggestListingTerms",
            summary = "Type-ahead: completions of what is being typed (skills and frequent title phrases)",
            description = "Accent- and case-insensitive, matching the start of any word; at most 10, best first.")
    @APIResponse(responseCode = "200", description = "Completions (possibly none)")
    @APIResponse(responseCode = "400", description = "q longer than 60 characters, or lang not fr/en",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Suggestions suggest(
            @Parameter(description = "What is being typed", schema = @Schema(maxLength = 60)) @QueryParam("q") String q,
            @Parameter(description = "fr (default) or en", schema = @Schema(enumeration = {"fr", "en"})) @QueryParam("lang")
            String lang) {
        return new Suggestions(search.suggest(q, lang));
    }

    @POST
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
    @Operation(summary = "Create a draft: an OFFER for a secretary, a REQUEST for a client")
    @APIResponse(responseCode = "201", description = "Created (draft)")
    @APIResponse(responseCode = "422", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createListing(ListingRequest body,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("Accept-Language") String language, @Context UriInfo uri) {
        ListingView created = listings.create(caller(), body, locale(language));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .tag(tag(created)).entity(created).build();
    }

    @GET
    @Path("mine")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
    @Operation(summary = "The caller's own listings, every status, newest first")
    @APIResponse(responseCode = "200", description = "A page of the caller's listings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingPage.class)))
    public ListingPage listMyListings(@Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256)) @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size (default 20)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        return listings.mine(caller(), cursor, limit);
    }

    @GET
    @Path("expiring")
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(summary = "Published listings expiring within the given ISO duration (default P5D), for reminders")
    public List<ExpiringListing> listExpiringListings(@QueryParam("within") String within) {
        Duration duration;
        try {
            duration = within == null || within.isBlank() ? Duration.ofDays(5) : Duration.parse(within.strip());
        } catch (DateTimeParseException malformed) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "within");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(EXPIRING_MAX) > 0) {
            throw ProblemException.badRequest("INVALID_PARAMETER", "within");
        }
        return listings.expiring(duration);
    }

    @GET
    @Path("changes")
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(summary = "Change feed in commit order: upserts of public listings, tombstones for the rest")
    public ChangePage listListingChanges(@QueryParam("since") String since, @QueryParam("limit") Integer limit) {
        return feed.since(since, limit);
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One listing (drafts, hidden and expired ones only for the owner and admins)")
    @APIResponse(responseCode = "404", description = "Unknown or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The listing (ETag: its version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response getListing(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id) {
        ListingView view = listings.get(caller(), uuid(id));
        return Response.ok(view).tag(tag(view)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
    @Operation(summary = "Replace the listing's content (owner only); requires If-Match with the ETag read")
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The listing as changed (ETag: its new version)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response updateListing(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id,
            @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("If-Match") String ifMatch, ListingRequest body,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("Accept-Language") String language) {
        ListingView view = listings.replace(caller(), uuid(id), ifMatch, body, locale(language));
        return Response.ok(view).tag(tag(view)).build();
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
    @Operation(summary = "DRAFT → PUBLISHED for the configured lifetime (owner only)")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the owner, or her e-mail address is not verified (EMAIL_NOT_VERIFIED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The published listing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response publishListing(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id) {
        return withTag(listings.publish(caller(), uuid(id)));
    }

    @POST
    @Path("{id}/renew")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
    @Operation(summary = "EXPIRED (or PUBLISHED) → PUBLISHED for a new lifetime (owner only)")
    @APIResponse(responseCode = "403", description = "Not the owner, or her e-mail address is not verified (EMAIL_NOT_VERIFIED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The renewed listing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response renewListing(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id) {
        return withTag(listings.renew(caller(), uuid(id)));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
    @Operation(summary = "Close as FILLED or WITHDRAWN (owner only)")
    @APIResponse(responseCode = "200", description = "The closed listing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response closeListing(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id, CloseRequest body,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("Accept-Language") String language) {
        return withTag(listings.close(caller(), uuid(id), body, locale(language)));
    }

    @POST
    @Path("{id}/hide")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Hide with a reason (admin moderation)")
    @APIResponse(responseCode = "200", description = "The hidden listing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response hideListing(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id, HideRequest body,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("Accept-Language") String language) {
        return withTag(listings.hide(caller(), uuid(id), body, locale(language)));
    }

    @POST
    @Path("{id}/unhide")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Undo a hide: back to the status it had")
    @APIResponse(responseCode = "200", description = "The listing, visible again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingView.class)))
    public Response unhideListing(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id) {
        return withTag(listings.unhide(caller(), uuid(id)));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "Every state change: who, when, from, to, why (owner and admins)")
    @APIResponse(responseCode = "200", description = "The listing's changes, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryEntry.class, type = SchemaType.ARRAY)))
    public List<HistoryEntry> getListingHistory(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id) {
        return listings.history(caller(), uuid(id));
    }

    @POST
    @Path("{id}/reports")
    @RolesAllowed({Roles.SECRETARY, Roles.CLIENT, Roles.ADMIN})
    @Operation(summary = "Report a listing (once per user); enough reports hide it, NO_LONGER_RELEVANT asks the owner")
    @APIResponse(responseCode = "201", description = "Report stored")
    @APIResponse(responseCode = "403", description = "E-mail address not verified (EMAIL_NOT_VERIFIED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "More than 20 reports in 24 hours (REPORT_LIMIT_REACHED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reportListing(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id, ReportRequest body,
            @Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("Accept-Language") String language) {
        ReportView report = listings.report(caller(), uuid(id), body, locale(language));
        return Response.status(Response.Status.CREATED).entity(report).build();
    }

    @PUT
    @Path("{id}/featured")
    @RolesAllowed(Roles.SERVICE)
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(summary = "Set or clear featuredUntil (billing-service only, after a paid promotion)")
    public Response setListingFeatured(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id, FeaturedRequest body) {
        return withTag(listings.feature(caller(), uuid(id), body));
    }

    @PUT
    @Path("owners/{ownerId}/suspension")
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "suspendOwnerListings", summary = "Hide every published listing of an owner whose account was disabled (the gateway, or an admin)")
    @APIResponse(responseCode = "200", description = "{hidden: N} (idempotent)")
    @APIResponse(responseCode = "403", description = "Neither the gateway's SERVICE token nor an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not an owner id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Integer> suspendOwner(@PathParam("ownerId") String ownerId) {
        return Map.of("hidden", listings.suspendOwner(caller(), uuid(ownerId)));
    }

    @DELETE
    @Path("owners/{ownerId}/suspension")
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "restoreOwnerListings", summary = "Restore the listings hidden while their owner's account was disabled")
    @APIResponse(responseCode = "200", description = "{restored: N} (idempotent)")
    @APIResponse(responseCode = "403", description = "Neither the gateway's SERVICE token nor an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not an owner id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Integer> restoreOwner(@PathParam("ownerId") String ownerId) {
        return Map.of("restored", listings.restoreOwner(caller(), uuid(ownerId)));
    }

    @GET
    @Path("people/{personId}/personal-data")
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "exportPersonListingData", summary = "What listings holds about a person, for her Law 25 export (the gateway, or an admin)")
    @APIResponse(responseCode = "200", description = "{listings: [...], reportsFiled: [...]}")
    @APIResponse(responseCode = "403", description = "Neither the gateway's SERVICE token nor an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a person id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Object> personalData(@PathParam("personId") String personId) {
        return listings.personalData(caller(), uuid(personId));
    }

    @DELETE
    @Path("people/{personId}/personal-data")
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN})
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "erasePersonListingData", summary = "Close and erase the listings of a person who closed her account (Law 25; idempotent)")
    @APIResponse(responseCode = "200", description = "{erased: N}")
    @APIResponse(responseCode = "403", description = "Neither the gateway's SERVICE token nor an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a person id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Integer> erasePersonalData(@PathParam("personId") String personId) {
        return Map.of("erased", listings.eraseOwner(caller(), uuid(personId)));
    }

    /** Its account's age (only established accounts' reports can hide a listing) comes with it, from the token. */
    private Caller caller() {
        return Caller.of(jwt);
    }

    private static Response withTag(ListingView view) {
        return Response.ok(view).tag(tag(view)).build();
    }

    private static EntityTag tag(ListingView view) {
        return new EntityTag(Long.toString(view.version()));
    }

    private static Locale locale(String acceptLanguage) {
        return Languages.fromAcceptLanguage(acceptLanguage);
    }

    /** Anything that is not a UUID cannot name a listing: 404, like an unknown one. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw ProblemException.notFound("LISTING_NOT_FOUND");
        }
    }
}
