package ca.pupitre.gateway.rest;

import ca.pupitre.gateway.api.AccountView;
import ca.pupitre.gateway.api.NewPassword;
import ca.pupitre.gateway.api.PasswordResetRequest;
import ca.pupitre.gateway.api.RefreshRequest;
import ca.pupitre.gateway.api.RegisterRequest;
import ca.pupitre.gateway.api.ServiceTokenRequest;
import ca.pupitre.gateway.api.TokenRequest;
import ca.pupitre.gateway.api.TokenResponse;
import ca.pupitre.gateway.api.VerifyEmailRequest;
import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.ratelimit.RateLimitDecision;
import ca.pupitre.gateway.ratelimit.RateLimiter;
import ca.pupitre.gateway.service.AccountService;
import ca.pupitre.gateway.service.EmailVerification;
import ca.pupitre.gateway.service.PasswordReset;
import ca.pupitre.gateway.service.SessionService;
import ca.pupitre.platform.problem.Problem;
import ca.pupitre.platform.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@Tag(name = "Accounts")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AccountService accounts;
    private final SessionService sessions;
    private final RateLimiter limiter;

    private final EmailVerification verification;
    private final PasswordReset reset;

    public AuthResource(AccountService accounts, SessionService sessions, RateLimiter limiter, EmailVerification verification,
            PasswordReset reset) {
        this.verification = verification;
        this.reset = reset;
        this.accounts = accounts;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    @POST
    @Path("/register")
    @Operation(summary = "Create a SECRETARY or CLIENT account; a link to verify the e-mail address is sent to it")
    @APIResponse(responseCode = "201", description = "Account created (emailVerified false until the link is used)")
    @APIResponse(responseCode = "409", description = "E-mail already used", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid data", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response registerAccount(@Valid @NotNull RegisterRequest body) {
        Account account = accounts.register(body);
        verification.sendAfterRegistration(account.id);
        return Response.created(URI.create("/api/v1/me")).entity(AccountView.of(account)).build();
    }

    @POST
    @Path("/verify-email")
    @Operation(operationId = "verifyEmail", summary = "Prove an e-mail address with the single-use token of its link (24 h); refresh tokens then carry email_verified")
    @APIResponse(responseCode = "204", description = "Verified")
    @APIResponse(responseCode = "400", description = "Unknown, used or expired token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verifyEmail(@Valid @NotNull VerifyEmailRequest body) {
        verification.verify(body.token());
        return Response.noContent().build();
    }

    @POST
    @Path("/password-reset")
    @Operation(operationId = "requestPasswordReset", summary = "Forgotten password: a link (1 h) is e-mailed if the address has an account (the answer is the same either way)")
    @APIResponse(responseCode = "202", description = "Accepted")
    public Response requestPasswordReset(@Valid @NotNull PasswordResetRequest body) {
        reset.request(body.email());
        return Response.accepted().build();
    }

    @POST
    @Path("/password-reset/confirm")
    @Operation(operationId = "completePasswordReset", summary = "Choose a new password with the link's token: every session ends")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Unknown, used or expired token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Password too weak (WEAK_PASSWORD)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response completePasswordReset(@Valid @NotNull NewPassword body) {
        reset.complete(body.token(), body.newPassword());
        return Response.noContent().build();
    }

    @POST
    @Path("/token")
    @Operation(summary = "Sign in with e-mail and password")
    @APIResponse(responseCode = "200", description = "Access and refresh tokens")
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many attempts for this e-mail from this address", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenResponse signIn(@Valid @NotNull TokenRequest body, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        RateLimitDecision attempt = limiter.takeSignIn(body.email(), address);
        if (!attempt.allowed()) {
            ProblemException tooMany = new ProblemException(429, "RATE_LIMITED", attempt.retryAfterSeconds());
            attempt.headers().forEach(tooMany::withHeader);
            throw tooMany;
        }
        return sessions.open(accounts.authenticate(body.email(), body.password()), request.getHeader("User-Agent"));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Trade a refresh token for new tokens (single use; reuse revokes the session)")
    @APIResponse(responseCode = "200", description = "New access and refresh tokens")
    @APIResponse(responseCode = "401", description = "Unknown, used, expired or revoked refresh token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenResponse refreshToken(@Valid @NotNull RefreshRequest body) {
        return sessions.refresh(body.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End the session of a refresh token")
    @APIResponse(responseCode = "204", description = "Session ended (also when the token was unknown)")
    public Response signOut(@Valid @NotNull RefreshRequest body) {
        sessions.close(body.refreshToken());
        return Response.noContent().build();
    }

    @POST
    @Path("/service-token")
    @Extension(name = "x-internal", value = "true", parseValue = true)
    @Operation(summary = "Client credentials for internal services: a SERVICE token")
    @APIResponse(responseCode = "200", description = "A SERVICE access token")
    @APIResponse(responseCode = "401", description = "Wrong client id or secret", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TokenResponse issueServiceToken(@Valid @NotNull ServiceTokenRequest body) {
        return sessions.serviceToken(body.clientId(), body.clientSecret());
    }
}
