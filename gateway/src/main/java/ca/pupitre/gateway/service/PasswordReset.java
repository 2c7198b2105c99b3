package ca.pupitre.gateway.service;

import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.EmailToken;
import ca.pupitre.gateway.repository.AccountRepository;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Forgotten passwords: a single-use link (1 h) to the account's address. The request answers the same
 * whether or not the address has an account (no way to learn who is registered); choosing the new
 * password ends every session, and proves the address.
 */
@ApplicationScoped
public class PasswordReset {

    static final Duration TTL = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(PasswordReset.class);

    private final AccountRepository accounts;
    private final EmailTokens tokens;
    private final AccountMails mails;
    private final Passwords passwords;
    private final SessionService sessions;
    private final Clock clock;

    public PasswordReset(AccountRepository accounts, EmailTokens tokens, AccountMails mails, Passwords passwords,
            SessionService sessions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.passwords = passwords;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Sends a reset link if the address has an account; silent otherwise, and when throttled. */
    @Transactional
    public void request(String email) {
        Optional<Account> account = accounts.findByEmail(email.strip());
        if (account.isEmpty()) {
            return;
        }
        String token;
        try {
            token = tokens.issue(account.get(), EmailToken.Purpose.RESET_PASSWORD, TTL);
        } catch (ProblemException throttled) {
            LOG.infof("Password reset for account %s throttled", account.get().id);
            return;
        }
        mails.passwordReset(account.get(), token, TTL);
    }

    /** Sets the new password from a reset link: every session ends; the address is proven by the link. */
    @Transactional
    public void complete(String token, String newPassword) {
        Account account = accounts.findById(tokens.redeem(token, EmailToken.Purpose.RESET_PASSWORD));
        PasswordPolicy.check(newPassword, account.email);
        Instant now = clock.instant();
        account.passwordHash = passwords.hash(newPassword);
        account.updatedAt = now;
        EmailVerification.markVerified(account, now);
        sessions.endAll(account.id, null);
        mails.passwordChanged(account);
    }
}
