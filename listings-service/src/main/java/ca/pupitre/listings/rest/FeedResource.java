package ca.pupitre.listings.rest;

import ca.pupitre.listings.api.PartnerStats;
import ca.pupitre.listings.feed.FeedKind;
import ca.pupitre.listings.feed.Lang;
import ca.pupitre.listings.service.AttributionService;
import ca.pupitre.listings.service.FeedCaller;
import ca.pupitre.listings.service.FeedService;
import ca.pupitre.platform.http.EntityTags;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Roles;
import io.quarkus.vertx.http.Compressed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Partner feeds (behind the gateway, which swaps a partner's API key for a PARTNER token): snapshots
 * in JSON-LD, Indeed XML and Atom, the delta feed, and partners' stats. Every feed answers with a weak
 * ETag and Last-Modified (304 on If-None-Match / If-Modified-Since, read by the platform's EntityTags), is gzipped
 * by Quarkus when asked ({@code @Compressed}), and is streamed. The media type is not negotiated: each path has one format.
 */
@Path("/api/v1/feeds")
@Tag(name = "Feeds")
@APIResponse(responseCode = "401", description = "No or bad token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a partner or admin, or a feed the partner may not read",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FeedResource {


    private final FeedService feeds;
    private final AttributionService attribution;
    private final JsonWebToken jwt;

    /** Conditional headers longer than this answer 422 (as the gateway's OpenAPI If-None-Match). */
    static final int HEADER_MAX = 256;

    public FeedResource(FeedService feeds, AttributionService attribution, JsonWebToken jwt) {
        this.feeds = feeds;
        this.attribution = attribution;
        this.jwt = jwt;
    }

    @GET
    @Path("jobs.jsonld")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Every open request as a schema.org JobPosting (JSON-LD @graph, Google for Jobs properties)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/ld+json"))
    @Compressed
    public Response getJobsFeedJsonLd(
            @Parameter(description = "fr (default) or en; fr-CA and en-CA too, any case", schema = @Schema(type = SchemaType.STRING, maxLength = 5)) @QueryParam("lang") String lang,
            @Size(max = HEADER_MAX) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Size(max = HEADER_MAX) @Parameter(description = "An HTTP date (29 characters); a malformed one is ignored", schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        return snapshot(FeedKind.JOBS_JSONLD, lang, null, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("jobs.xml")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Every open request in the Indeed-style XML job feed (complete snapshot; schema feeds/jobs.xsd)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/xml"))
    @Compressed
    public Response getJobsFeedXml(
            @Parameter(description = "fr (default) or en; fr-CA and en-CA too, any case", schema = @Schema(type = SchemaType.STRING, maxLength = 5)) @QueryParam("lang") String lang,
            @Size(max = HEADER_MAX) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Size(max = HEADER_MAX) @Parameter(description = "An HTTP date (29 characters); a malformed one is ignored", schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        return snapshot(FeedKind.JOBS_XML, lang, null, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("services.jsonld")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Every published offer as a schema.org Service with its Offer (JSON-LD @graph)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/ld+json"))
    @Compressed
    public Response getServicesFeedJsonLd(
            @Parameter(description = "fr (default) or en; fr-CA and en-CA too, any case", schema = @Schema(type = SchemaType.STRING, maxLength = 5)) @QueryParam("lang") String lang,
            @Size(max = HEADER_MAX) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Size(max = HEADER_MAX) @Parameter(description = "An HTTP date (29 characters); a malformed one is ignored", schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        return snapshot(FeedKind.SERVICES_JSONLD, lang, null, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("services.atom")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Atom feed of the newest published offers (limit, default 100)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/atom+xml"))
    @Compressed
    public Response getServicesFeedAtom(
            @Parameter(description = "fr (default) or en; fr-CA and en-CA too, any case", schema = @Schema(type = SchemaType.STRING, maxLength = 5)) @QueryParam("lang") String lang,
            @Parameter(description = "Entries (default 100; pupitre.listings.atom-max-entries, 1000 unless configured, is the largest)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000")) @QueryParam("limit") Integer limit,
            @Size(max = HEADER_MAX) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Size(max = HEADER_MAX) @Parameter(description = "An HTTP date (29 characters); a malformed one is ignored", schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        return snapshot(FeedKind.SERVICES_ATOM, lang, limit, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("changes")
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Delta feed in commit order: UPSERT with the schema.org item, TOMBSTONE (EXPIRED, CLOSED, HIDDEN) with time")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @Compressed
    public Response listFeedChanges(
            @Parameter(description = "The cursor of the previous page (absent: from the start)", schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @QueryParam("since") String since,
            @Parameter(description = "Changes per page (default 500; pupitre.listings.changes-max-page-size, 1000 unless configured, is the largest)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000")) @QueryParam("limit") Integer limit,
            @Parameter(description = "fr (default) or en; fr-CA and en-CA too, any case", schema = @Schema(type = SchemaType.STRING, maxLength = 5)) @QueryParam("lang") String langParam,
            @Size(max = HEADER_MAX) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Size(max = HEADER_MAX) @Parameter(description = "An HTTP date (29 characters); a malformed one is ignored", schema = @Schema(type = SchemaType.STRING, maxLength = HEADER_MAX)) @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        FeedCaller caller = caller();
        feeds.authorize(caller, FeedKind.CHANGES);
        Lang lang = FeedService.lang(langParam);
        int size = feeds.changesLimit(limit);
        FeedService.Validators validators = feeds.validators(FeedKind.CHANGES, lang, caller, "since=" + since + "&limit=" + size);
        Response notModified = notModified(validators, ifNoneMatch, ifModifiedSince);
        if (notModified != null) {
            return notModified;
        }
        return stream(FeedKind.CHANGES, feeds.changes(caller, lang, since, size), validators);
    }

    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "A partner's impressions and clicks (its own; admins give partnerId)")
    @APIResponse(responseCode = "200", description = "The calling partner's feed statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerStats.class)))
    public PartnerStats getFeedStats(
            @Parameter(description = "Admins: whose statistics", schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @QueryParam("partnerId") String partnerId) {
        UUID id = null;
        if (partnerId != null && !partnerId.isBlank()) {
            try {
                id = UUID.fromString(partnerId.strip());
            } catch (IllegalArgumentException notAUuid) {
                throw ProblemException.badRequest("INVALID_PARAMETER", "partnerId");
            }
        }
        return attribution.partnerStats(caller(), id);
    }

    @GET
    @Path("partners/{id}/stats")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.ADMIN})
    @Operation(summary = "Same as /stats?partnerId={id} (the gateway routes /api/v1/feeds/** here)")
    @APIResponse(responseCode = "200", description = "The partner's feed statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerStats.class)))
    public PartnerStats getPartnerFeedStats(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid", maxLength = 36))
            @PathParam("id") String id) {
        try {
            return attribution.partnerStats(caller(), UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            throw ProblemException.notFound("NOT_FOUND");
        }
    }

    private Response snapshot(FeedKind feed, String langParam, Integer limit, String ifNoneMatch, String ifModifiedSince) {
        FeedCaller caller = caller();
        feeds.authorize(caller, feed);
        Lang lang = FeedService.lang(langParam);
        int atomLimit = feed == FeedKind.SERVICES_ATOM ? feeds.atomLimit(limit) : 0;
        FeedService.Validators validators = feeds.validators(feed, lang, caller, "limit=" + atomLimit);
        Response notModified = notModified(validators, ifNoneMatch, ifModifiedSince);
        if (notModified != null) {
            return notModified;
        }
        return stream(feed, feeds.snapshot(feed, lang, caller, validators.lastModified(), atomLimit), validators);
    }

    /** The body streamed as it is written; Quarkus gzips it when the client accepts it ({@code @Compressed}). */
    private static Response stream(FeedKind feed, FeedService.Body body, FeedService.Validators validators) {
        StreamingOutput output = out -> {
            body.writeTo(out);
            out.flush();
        };
        return headers(Response.ok(output).type(feed.mediaType()), validators).build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder response, FeedService.Validators validators) {
        return response.header("ETag", validators.etag())
                .header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(validators.lastModified().atOffset(ZoneOffset.UTC)))
                .header("Vary", "Accept-Encoding")
                .header("Cache-Control", "private, no-cache");
    }

    /** 304 when If-None-Match matches (weak comparison), or, without it, when nothing changed since If-Modified-Since. */
    static Response notModified(FeedService.Validators validators, String ifNoneMatch, String ifModifiedSince) {
        return EntityTags.notModified(ifNoneMatch, ifModifiedSince, validators.etag(), validators.lastModified())
                ? headers(Response.notModified(), validators).build() : null;
    }

    private FeedCaller caller() {
        return FeedCaller.of(jwt);
    }
}
