package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.Role;
import ca.pupitre.gateway.repository.AccountRepository;
import ca.pupitre.gateway.repository.RefreshTokenRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.tracing.TraceHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * An admin disables an account (fraud, abuse) and enables it again, with the reason recorded. Disabling
 * ends every session, refuses sign-in and refresh, and has listings hide the owner's published listings
 * (restored as they were on enabling). Listings is told before the change commits: if it cannot be
 * reached the admin gets a 503 and nothing changed (both calls are idempotent, so retrying is safe).
 * Admin accounts cannot be disabled here (no lock-out, no takeover through moderation).
 */
@ApplicationScoped
public class AccountModeration {

    private static final Logger LOG = Logger.getLogger(AccountModeration.class);

    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final TokenIssuer issuer;
    private final GatewayConfig config;
    private final Clock clock;
    private final TraceHeaders trace;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    public AccountModeration(AccountRepository accounts, RefreshTokenRepository refreshTokens, TokenIssuer issuer,
            GatewayConfig config, Clock clock, TraceHeaders trace) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
        this.config = config;
        this.clock = clock;
        this.trace = trace;
    }

    public Account find(String email) {
        return accounts.findByEmail(email.strip())
                .orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND"));
    }

    @Transactional
    public Account disable(UUID adminId, UUID accountId, String reason) {
        Account account = accounts.findByIdOptional(accountId).orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND"));
        if (account.role == Role.ADMIN) {
            throw ProblemException.conflict("ADMIN_NOT_DISABLED");
        }
        Instant now = clock.instant();
        if (!account.disabled()) {
            account.disabledAt = now;
            account.disabledBy = adminId;
        }
        account.disabledReason = reason.strip();
        account.updatedAt = now;
        refreshTokens.revokeAllOf(account.id, now);
        listings("PUT", account.id);
        LOG.infof("Account %s disabled by admin %s", account.id, adminId);
        return account;
    }

    @Transactional
    public Account enable(UUID adminId, UUID accountId) {
        Account account = accounts.findByIdOptional(accountId).orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND"));
        if (account.disabled()) {
            account.disabledAt = null;
            account.disabledBy = null;
            account.disabledReason = null;
            account.updatedAt = clock.instant();
        }
        listings("DELETE", account.id);
        LOG.infof("Account %s enabled by admin %s", account.id, adminId);
        return account;
    }

    /** Hides (PUT) or restores (DELETE) the owner's listings in listings-service, as SERVICE "gateway". */
    private void listings(String method, UUID ownerId) {
        String token = issuer.sign("service:gateway", Role.SERVICE, Duration.ofMinutes(1), Map.of("service", "gateway"));
        HttpRequest request = trace.on(HttpRequest.newBuilder(URI.create(config.upstream().listingsUrl().get(0).replaceAll("/+$", "")
                        + "/api/v1/listings/owners/" + ownerId + "/suspension")))
                .timeout(config.upstream().timeout().plusSeconds(3))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, "PUT".equals(method) ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody())
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        if (status != 200) {
            LOG.warnf("Listings did not %s the listings of %s (HTTP %d): nothing changed", "PUT".equals(method) ? "hide" : "restore",
                    ownerId, status);
            throw new ProblemException(503, "SERVICE_UNAVAILABLE", "listings").withHeader("Retry-After", "5");
        }
    }
}
