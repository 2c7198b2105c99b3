package ca.pupitre.gateway.routing;

import ca.pupitre.platform.problem.Problem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's OpenAPI documents (see {@link OpenApiDocuments}): the public one at {@code /api/v1/openapi}
 * (anyone; Swagger UI shows it), the internal one at {@code /api/v1/openapi/internal} (admins and services).
 * Both answer with an {@code ETag} (304 on {@code If-None-Match}): a front-end team's generator can poll it.
 */
@Path("/api/v1/openapi")
@Tag(name = "API")
public class OpenApiResource {

    private final OpenApiDocuments documents;

    public OpenApiResource(OpenApiDocuments documents) {
        this.documents = documents;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenApiDocument", summary = "The OpenAPI document of the whole public API")
    @APIResponse(responseCode = "200", description = "The document; x-pupitre-unavailable names services never reached")
    @APIResponse(responseCode = "304", description = "Not changed since the ETag given in If-None-Match")
    public Response publicDocument(@Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        OpenApiDocuments.Version v = documents.current();
        return answer(v.publicDocument(), v.etag(), ifNoneMatch);
    }

    @GET
    @Path("internal")
    @RolesAllowed({"ADMIN", "SERVICE"})
    @SecurityRequirement(name = "jwt")
    @Produces(MediaType.APPLICATION_JSON)
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "getInternalOpenApiDocument", summary = "The operations services call on each other (admins and services only)")
    @APIResponse(responseCode = "200", description = "The internal document")
    @APIResponse(responseCode = "304", description = "Not changed since the ETag given in If-None-Match")
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither an admin nor a service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response internalDocument(@Size(max = 256) @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = 256))
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        OpenApiDocuments.Version v = documents.current();
        return answer(v.internalDocument(), v.etag(), ifNoneMatch);
    }

    private static Response answer(ObjectNode document, String etag, String ifNoneMatch) {
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", "public, max-age=60").build();
        }
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).header("ETag", etag)
                .header("Cache-Control", "public, max-age=60").build();
    }
}
