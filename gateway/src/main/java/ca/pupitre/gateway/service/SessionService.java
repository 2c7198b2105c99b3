package ca.pupitre.gateway.service;

import ca.pupitre.gateway.api.TokenResponse;
import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.RefreshToken;
import ca.pupitre.gateway.domain.Role;
import ca.pupitre.gateway.repository.AccountRepository;
import ca.pupitre.gateway.repository.RefreshTokenRepository;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in sessions: an access token plus a single-use refresh token. Refreshing uses up the
 * presented token and hands out the next one of the same family; presenting a used token again
 * means it leaked, so the whole family is revoked. Service tokens (client credentials) live here too.
 */
@ApplicationScoped
public class SessionService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final TokenIssuer issuer;
    private final RefreshTokenRepository refreshTokens;
    private final AccountRepository accounts;
    private final GatewayConfig config;
    private final Clock clock;

    public SessionService(TokenIssuer issuer, RefreshTokenRepository refreshTokens, AccountRepository accounts,
            GatewayConfig config, Clock clock) {
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    /** A new session (sign-in) from this device ({@code userAgent}, may be null). */
    @Transactional
    public TokenResponse open(Account account, String userAgent) {
        return issue(account, UUID.randomUUID(), userAgent == null || userAgent.isBlank() ? null
                : userAgent.length() <= 200 ? userAgent : userAgent.substring(0, 200));
    }

    /** One open session of a person: its id ({@code sid} in its access tokens), device, start and last use. */
    public record Session(UUID id, String device, Instant createdAt, Instant lastUsedAt) {
    }

    /** The person's open sessions, most recently used first. */
    @Transactional
    public List<Session> sessionsOf(UUID accountId) {
        Instant now = clock.instant();
        List<RefreshToken> live = refreshTokens.list(
                "accountId = ?1 and usedAt is null and revokedAt is null and expiresAt > ?2 order by issuedAt desc", accountId, now);
        Map<UUID, Instant> started = refreshTokens.familyStarts(accountId);
        return live.stream().map(t -> new Session(t.familyId, t.userAgent, started.getOrDefault(t.familyId, t.issuedAt), t.issuedAt))
                .toList();
    }

    /** Ends one of the person's sessions; 404 when it is not hers (or already ended). */
    @Transactional
    public void end(UUID accountId, UUID sessionId) {
        long mine = refreshTokens.count("accountId = ?1 and familyId = ?2 and revokedAt is null", accountId, sessionId);
        if (mine == 0) {
            throw ProblemException.notFound("SESSION_NOT_FOUND");
        }
        refreshTokens.revokeFamily(sessionId, clock.instant());
    }

    /** Ends every session of the person but {@code keep} (null: all). */
    @Transactional
    public void endAll(UUID accountId, UUID keep) {
        refreshTokens.revokeAllOfExcept(accountId, keep, clock.instant());
    }

    /**
     * Trades a refresh token for a new pair. {@code dontRollbackOn} keeps the family revocation
     * when a reused token is refused.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TokenResponse refresh(String presented) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findByHashForUpdate(hash(presented))
                .orElseThrow(SessionService::invalidRefresh);
        if (token.usedAt != null && token.revokedAt == null) {
            refreshTokens.revokeFamily(token.familyId, now);
            throw invalidRefresh();
        }
        if (!token.usableAt(now)) {
            throw invalidRefresh();
        }
        token.usedAt = now;
        Account account = accounts.findByIdOptional(token.accountId).filter(a -> !a.disabled())
                .orElseThrow(SessionService::invalidRefresh);
        return issue(account, token.familyId, token.userAgent);
    }

    /** Ends the session the refresh token belongs to (its whole family). Unknown tokens are ignored. */
    @Transactional
    public void close(String presented) {
        refreshTokens.find("tokenHash", hash(presented)).firstResultOptional()
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId, clock.instant()));
    }

    public TokenResponse serviceToken(String clientId, String clientSecret) {
        Optional<String> expected = config.serviceClients().secretOf(clientId);
        byte[] given = clientSecret.getBytes(StandardCharsets.UTF_8);
        byte[] wanted = expected.orElse("\u0000no-such-client").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, wanted) || expected.isEmpty()) {
            throw new ProblemException(401, "INVALID_CLIENT");
        }
        long ttl = config.tokens().serviceTtl().toSeconds();
        String token = issuer.sign("service:" + clientId, Role.SERVICE, config.tokens().serviceTtl(), Map.of("service", clientId));
        return new TokenResponse(token, "Bearer", ttl, null);
    }

    private TokenResponse issue(Account account, UUID familyId, String userAgent) {
        Instant now = clock.instant();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.tokenHash = hash(refresh);
        row.familyId = familyId;
        row.accountId = account.id;
        row.issuedAt = now;
        row.expiresAt = now.plus(config.tokens().refreshTtl());
        row.userAgent = userAgent;
        refreshTokens.persist(row);
        String access = issuer.sign(account.id.toString(), account.role, config.tokens().accessTtl(),
                Map.of("email", account.email, "name", account.displayName, "locale", account.locale,
                        "account_created", account.createdAt.getEpochSecond(), "email_verified", account.emailVerified(),
                        "sid", familyId.toString()));
        return new TokenResponse(access, "Bearer", config.tokens().accessTtl().toSeconds(), refresh);
    }

    private static ProblemException invalidRefresh() {
        return new ProblemException(401, "INVALID_REFRESH_TOKEN");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
