package ca.pupitre.billing.rest;

import ca.pupitre.billing.service.PersonalData;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Law 25: the gateway gathers a person's export and erases her data here when she closes her account. */
@Path("/api/v1/billing/people/{personId}/personal-data")
@Tag(name = "Privacy")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "Neither the gateway's SERVICE token nor an admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PersonalDataResource {

    private final PersonalData personalData;
    private final SecurityIdentity identity;

    public PersonalDataResource(PersonalData personalData, SecurityIdentity identity) {
        this.personalData = personalData;
        this.identity = identity;
    }

    @GET
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "exportPersonBillingData", summary = "What billing holds about a person: billing profile, engagements, time entries, invoices, payments")
    public Map<String, Object> export(@PathParam("personId") UUID personId) {
        return personalData.export(Caller.of(identity), personId);
    }

    @DELETE
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(operationId = "erasePersonBillingData", summary = "Erase a person's billing profile when she closes her account; issued invoices stay six years (idempotent)")
    @APIResponse(responseCode = "200", description = "{erased: rows}")
    @APIResponse(responseCode = "409", description = "An active engagement or an unsettled invoice (ACCOUNT_HAS_OPEN_BUSINESS)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, Integer> erase(@PathParam("personId") UUID personId) {
        return Map.of("erased", personalData.erase(Caller.of(identity), personId));
    }
}
