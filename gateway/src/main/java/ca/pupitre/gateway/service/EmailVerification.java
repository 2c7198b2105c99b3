package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.EmailToken;
import ca.pupitre.gateway.repository.AccountRepository;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Proving an e-mail address: a single-use link (24 h) sent at registration and on request. Unverified
 * people can sign in, edit their profile and keep drafts; the services refuse them what reaches other
 * people (publishing, inviting, alerts, reports, reviews), from the {@code email_verified} claim.
 */
@ApplicationScoped
public class EmailVerification {

    private static final Logger LOG = Logger.getLogger(EmailVerification.class);

    private final AccountRepository accounts;
    private final EmailTokens tokens;
    private final AccountMails mails;
    private final GatewayConfig config;
    private final Clock clock;

    public EmailVerification(AccountRepository accounts, EmailTokens tokens, AccountMails mails, GatewayConfig config, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    /** Sends a new verification link (replacing any earlier one), within the throttle. */
    @Transactional
    public void send(UUID accountId) {
        Account account = accounts.findByIdOptional(accountId).orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND"));
        if (account.emailVerified()) {
            throw ProblemException.conflict("EMAIL_ALREADY_VERIFIED");
        }
        mails.verification(account, tokens.issue(account, EmailToken.Purpose.VERIFY_EMAIL, config.mail().verifyEmailTtl()));
    }

    /** The first link, right after registration: a mail failure never undoes the account (she can ask again). */
    public void sendAfterRegistration(UUID accountId) {
        try {
            send(accountId);
        } catch (RuntimeException e) {
            LOG.warnf("No verification e-mail for new account %s: %s", accountId, e.toString());
        }
    }

    /** Marks the address of the token's account as proven; the token is used up. */
    @Transactional
    public void verify(String token) {
        Account account = accounts.findById(tokens.redeem(token, EmailToken.Purpose.VERIFY_EMAIL));
        markVerified(account, clock.instant());
    }

    static void markVerified(Account account, Instant now) {
        if (account.emailVerifiedAt == null) {
            account.emailVerifiedAt = now;
            account.updatedAt = now;
        }
    }
}
