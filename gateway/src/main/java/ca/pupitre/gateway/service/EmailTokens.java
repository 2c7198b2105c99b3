package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.EmailToken;
import ca.pupitre.gateway.repository.EmailTokenRepository;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Single-use tokens sent by e-mail (address verification, password reset): 32 random bytes, only their
 * SHA-256 stored; a new one replaces the account's earlier unused ones; at most one a minute and five a
 * day per account and purpose, so nobody can flood an inbox through Pupitre.
 */
@ApplicationScoped
public class EmailTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EmailTokenRepository tokens;
    private final GatewayConfig config;
    private final Clock clock;

    public EmailTokens(EmailTokenRepository tokens, GatewayConfig config, Clock clock) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    /** A new token for the account, valid {@code ttl}; 429 {@code EMAIL_THROTTLED} (with Retry-After) when too soon. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(Account account, EmailToken.Purpose purpose, Duration ttl) {
        Instant now = clock.instant();
        List<EmailToken> recent = tokens.sentSince(account.id, purpose, now.minus(Duration.ofDays(1)));
        if (!recent.isEmpty()) {
            Instant next = recent.get(0).createdAt.plus(config.mail().resendEvery());
            if (recent.size() >= config.mail().sentPerDay()) {
                next = recent.get(recent.size() - 1).createdAt.plus(Duration.ofDays(1));
            }
            if (now.isBefore(next)) {
                long seconds = Math.max(1, Duration.between(now, next).toSeconds());
                throw new ProblemException(429, "EMAIL_THROTTLED", seconds).withHeader("Retry-After", Long.toString(seconds));
            }
        }
        tokens.spendAll(account.id, purpose, now);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        EmailToken row = new EmailToken();
        row.id = UUID.randomUUID();
        row.accountId = account.id;
        row.purpose = purpose;
        row.tokenHash = SessionService.hash(token);
        row.createdAt = now;
        row.expiresAt = now.plus(ttl);
        tokens.persist(row);
        return token;
    }

    /** The account of a usable token of this purpose, which is used up (with its siblings); 400 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID redeem(String token, EmailToken.Purpose purpose) {
        Instant now = clock.instant();
        EmailToken row = tokens.findByHashForUpdate(SessionService.hash(token))
                .filter(t -> t.purpose == purpose && t.usableAt(now))
                .orElseThrow(() -> ProblemException.badRequest("INVALID_EMAIL_TOKEN"));
        row.usedAt = now;
        tokens.spendAll(row.accountId, purpose, now);
        return row.accountId;
    }
}
