package ca.pupitre.gateway.service;

import ca.pupitre.gateway.config.GatewayConfig;
import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.AccountClosure;
import ca.pupitre.gateway.domain.Role;
import ca.pupitre.gateway.repository.AccountClosureRepository;
import ca.pupitre.gateway.repository.AccountRepository;
import ca.pupitre.gateway.repository.EmailTokenRepository;
import ca.pupitre.gateway.repository.RefreshTokenRepository;
import ca.pupitre.gateway.service.PersonalDataServices.Answer;
import ca.pupitre.gateway.service.PersonalDataServices.Holder;
import ca.pupitre.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Québec's Law 25: a person closes her account ({@code DELETE /api/v1/me}) and what identifies her is erased
 * in every service, except what the law makes us keep (issued invoices, six years, with the names printed on
 * them). In order:
 * <ol>
 * <li>her password is checked (a stolen access token alone cannot close an account);
 * <li>billing erases her billing profile, or refuses while an engagement is active or an invoice unsettled
 * (409; nothing changed anywhere);
 * <li>the account row loses her e-mail, name and password, every session and e-mail link ends (she can
 * register again with the same address);
 * <li>listings and matching erase her data; a job retries whichever did not answer, and asks all three
 * services once more after the account's last access token expired.
 * </ol>
 */
@ApplicationScoped
public class AccountErasure {

    private static final Logger LOG = Logger.getLogger(AccountErasure.class);

    private final AccountRepository accounts;
    private final AccountClosureRepository closures;
    private final RefreshTokenRepository refreshTokens;
    private final EmailTokenRepository emailTokens;
    private final Passwords passwords;
    private final PersonalDataServices services;
    private final GatewayConfig config;
    private final Clock clock;

    public AccountErasure(AccountRepository accounts, AccountClosureRepository closures, RefreshTokenRepository refreshTokens,
            EmailTokenRepository emailTokens, Passwords passwords, PersonalDataServices services, GatewayConfig config,
            Clock clock) {
        this.accounts = accounts;
        this.closures = closures;
        this.refreshTokens = refreshTokens;
        this.emailTokens = emailTokens;
        this.passwords = passwords;
        this.services = services;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Closes the account. Returns true when every service confirmed the erasure at once, false when some of
     * it is left to the retry job (the account is closed either way).
     */
    public boolean close(UUID accountId, String password) {
        Account account = QuarkusTransaction.requiringNew().call(() -> accounts.findByIdOptional(accountId)
                .filter(a -> !a.closed()).orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND")));
        if (account.role == Role.ADMIN) {
            throw ProblemException.conflict("ADMIN_NOT_CLOSED");
        }
        if (password == null || !passwords.matches(password, account.passwordHash)) {
            throw ProblemException.forbidden("WRONG_PASSWORD");
        }
        Answer billing = services.erase(Holder.BILLING, accountId);
        if (billing.status() == 409) {
            throw ProblemException.conflict("ACCOUNT_HAS_OPEN_BUSINESS");
        }
        if (!billing.ok()) {
            LOG.warnf("Billing did not erase the data of %s (HTTP %d): the account stays open", accountId, billing.status());
            throw new ProblemException(503, "SERVICE_UNAVAILABLE", "billing").withHeader("Retry-After", "5");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Account locked = accounts.findById(accountId);
            Instant now = clock.instant();
            locked.email = "closed+" + locked.id + "@closed.invalid";
            locked.displayName = "";
            locked.passwordHash = "!closed";
            locked.emailVerifiedAt = null;
            locked.disabledReason = null;
            locked.closedAt = now;
            locked.updatedAt = now;
            refreshTokens.delete("accountId", accountId);
            emailTokens.delete("accountId", accountId);
            AccountClosure closure = new AccountClosure();
            closure.accountId = accountId;
            closure.requestedAt = now;
            // a token issued just before now lives accessTtl more; a minute of margin for clock skew
            closure.finalPassAfter = now.plus(config.tokens().accessTtl()).plusSeconds(60);
            closures.persist(closure);
        });
        LOG.infof("Account %s closed by its owner; erasing her data in the services", accountId);
        return erase(accountId);
    }

    /** Retries what is due: unconfirmed first passes, and final passes past their time. */
    @Scheduled(every = "${pupitre.accounts.erasure-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        for (UUID accountId : QuarkusTransaction.requiringNew().call(() -> closures.due(clock.instant(), 50))) {
            erase(accountId);
        }
    }

    /** One pass for one closed account; true when nothing is left to do but (perhaps) the final pass. */
    boolean erase(UUID accountId) {
        AccountClosure closure = QuarkusTransaction.requiringNew().call(() -> closures.findById(accountId));
        Instant now = clock.instant();
        boolean finalPass = closure.firstPassDone() && !now.isBefore(closure.finalPassAfter);
        StringBuilder errors = new StringBuilder();
        boolean listings = closure.listingsDoneAt != null && !finalPass || ask(Holder.LISTINGS, accountId, errors);
        boolean matching = closure.matchingDoneAt != null && !finalPass || ask(Holder.MATCHING, accountId, errors);
        // billing confirmed before closing; asked again only in the final pass (a profile written with a live token)
        boolean billing = !finalPass || ask(Holder.BILLING, accountId, errors);
        QuarkusTransaction.requiringNew().run(() -> {
            AccountClosure row = closures.findById(accountId);
            row.attempts++;
            row.lastError = errors.isEmpty() ? null : errors.substring(0, Math.min(errors.length(), 500));
            if (row.listingsDoneAt == null && listings) {
                row.listingsDoneAt = now;
            }
            if (row.matchingDoneAt == null && matching) {
                row.matchingDoneAt = now;
            }
            if (finalPass && listings && matching && billing) {
                row.finalPassAt = now;
            }
        });
        return listings && matching;
    }

    private boolean ask(Holder holder, UUID accountId, StringBuilder errors) {
        Answer answer = services.erase(holder, accountId);
        if (answer.ok() || (holder == Holder.BILLING && answer.status() == 409)) {
            // billing's 409 in the final pass: business opened with a live token stays for the other party
            return true;
        }
        errors.append(holder.name().toLowerCase()).append(": HTTP ").append(answer.status()).append("; ");
        LOG.warnf("%s did not erase the data of closed account %s (HTTP %d); retrying later", holder, accountId, answer.status());
        return false;
    }
}
