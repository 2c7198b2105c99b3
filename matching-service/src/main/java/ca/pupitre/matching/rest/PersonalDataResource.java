package ca.pupitre.matching.rest;

import ca.pupitre.matching.service.PersonalData;
import ca.pupitre.platform.problem.Languages;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Law 25: the gateway gathers a person's export and erases her data here when she closes her account. */
@Path("/api/v1/matching/people/{personId}/personal-data")
@Tag(name = "Privacy")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Neither the gateway's SERVICE token nor an admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PersonalDataResource {

    private final PersonalData personalData;
    private final JsonWebToken token;

    public PersonalDataResource(PersonalData personalData, JsonWebToken token) {
        this.personalData = personalData;
        this.token = token;
    }

    @GET
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "exportPersonMatchingData", summary = "What matching holds about a person: alerts, invitations, messages, reviews, blocks, referral codes")
    public Map<String, Object> export(@PathParam("personId") UUID personId, @HeaderParam("Accept-Language") String acceptLanguage) {
        return personalData.export(Caller.of(token), personId, Languages.fromAcceptLanguage(acceptLanguage));
    }

    @DELETE
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "erasePersonMatchingData", summary = "Erase a person's data in matching when she closes her account (idempotent)")
    @APIResponse(responseCode = "200", description = "{erased: rows changed}")
    public Map<String, Integer> erase(@PathParam("personId") UUID personId) {
        return Map.of("erased", personalData.erase(Caller.of(token), personId));
    }
}
