package ca.pupitre.gateway.rest;

import ca.pupitre.gateway.rest.dto.AccountUpdate;
import ca.pupitre.gateway.rest.dto.AccountView;
import ca.pupitre.gateway.service.AccountService;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "Accounts")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"SECRETARY", "CLIENT", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;
    private final JsonWebToken jwt;

    public MeResource(AccountService accounts, JsonWebToken jwt) {
        this.accounts = accounts;
        this.jwt = jwt;
    }

    @GET
    @Operation(summary = "The signed-in person's account")
    public AccountView me() {
        return AccountView.of(accounts.get(accountId()));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's display name or language")
    public AccountView update(@Valid @NotNull AccountUpdate body) {
        return AccountView.of(accounts.update(accountId(), body));
    }

    private UUID accountId() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException notAPerson) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
    }
}
