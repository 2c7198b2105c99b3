package ca.pupitre.gateway.rest;

import ca.pupitre.gateway.service.TokenIssuer;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/.well-known/jwks.json")
@Tag(name = "Accounts")
@PermitAll
public class JwksResource {

    private final TokenIssuer issuer;

    public JwksResource(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    @Operation(summary = "Public keys that verify Pupitre access tokens (RS256)")
    public Response getJsonWebKeySet() {
        return Response.ok(issuer.jwks()).header("Cache-Control", "public, max-age=300").build();
    }
}
