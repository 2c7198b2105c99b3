package ca.pupitre.billing.rest;

import ca.pupitre.billing.api.ProfileRequest;
import ca.pupitre.billing.api.ProfileView;
import ca.pupitre.billing.service.ProfileService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/billing/profile")
@Tag(name = "Tax profile")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SECRETARY, Roles.CLIENT})
public class ProfileResource {

    private final ProfileService profiles;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public ProfileResource(ProfileService profiles, SecurityIdentity identity, JsonWebToken token) {
        this.profiles = profiles;
        this.identity = identity;
        this.token = token;
    }

    @PUT
    @Operation(summary = "Create or replace my tax profile (secretary: supplier; client: recipient)")
    @APIResponse(responseCode = "200", description = "The profile as stored")
    @APIResponse(responseCode = "422", description = "Invalid GST/QST number, numbers with smallSupplier, missing numbers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProfileView saveBillingProfile(@Valid @NotNull ProfileRequest request) {
        return profiles.put(Caller.of(identity), request, verifiedEmail());
    }

    /** The account's e-mail address if the gateway's token says it is verified, else null. */
    private String verifiedEmail() {
        boolean yes = Caller.of(token).emailVerified();
        Object email = token.getClaim("email");
        String address = email instanceof JsonString json ? json.getString() : email == null ? null : email.toString();
        return yes && address != null && !address.isBlank() ? address.strip() : null;
    }

    @GET
    @Operation(summary = "My tax profile")
    @APIResponse(responseCode = "404", description = "No profile yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The caller's billing profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProfileView.class)))
    public ProfileView getBillingProfile() {
        return profiles.get(Caller.of(identity));
    }
}
