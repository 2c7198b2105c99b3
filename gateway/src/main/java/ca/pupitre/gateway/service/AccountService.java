package ca.pupitre.gateway.service;

import ca.pupitre.gateway.api.AccountUpdate;
import ca.pupitre.gateway.api.RegisterRequest;
import ca.pupitre.gateway.domain.Account;
import ca.pupitre.gateway.domain.Role;
import ca.pupitre.gateway.repository.AccountRepository;
import ca.pupitre.gateway.repository.RefreshTokenRepository;
import ca.pupitre.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** Registering people, checking their passwords, and the configured ADMIN account. */
@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final Passwords passwords;
    private final Clock clock;
    private final AccountMails mails;

    public AccountService(AccountRepository accounts, RefreshTokenRepository refreshTokens, Passwords passwords, Clock clock,
            AccountMails mails) {
        this.mails = mails;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public Account register(RegisterRequest request) {
        if (!request.role().selfRegistrable()) {
            throw ProblemException.unprocessable("ROLE_NOT_ALLOWED");
        }
        String email = normalize(request.email());
        if (accounts.findByEmail(email).isPresent()) {
            throw ProblemException.conflict("EMAIL_TAKEN");
        }
        PasswordPolicy.check(request.password(), email);
        Account account = newAccount(email, request.password(), request.displayName().strip(), request.role(),
                request.locale() == null ? "fr-CA" : request.locale());
        try {
            accounts.persistAndFlush(account);
        } catch (ConstraintViolationException raced) {
            throw ProblemException.conflict("EMAIL_TAKEN");
        }
        return account;
    }

    /** The account whose e-mail and password these are, or a 401 that does not say which one was wrong. */
    @Transactional
    public Account authenticate(String email, String password) {
        Optional<Account> found = accounts.findByEmail(normalize(email));
        if (found.isEmpty()) {
            passwords.burnTime(password);
            throw new ProblemException(401, "INVALID_CREDENTIALS");
        }
        if (!passwords.matches(password, found.get().passwordHash)) {
            throw new ProblemException(401, "INVALID_CREDENTIALS");
        }
        if (found.get().disabled()) {
            // only once the password is right: the answer does not tell strangers the account exists
            throw ProblemException.forbidden("ACCOUNT_DISABLED");
        }
        return found.get();
    }

    @Transactional
    public Account get(UUID id) {
        return accounts.findByIdOptional(id).filter(a -> !a.closed())
                .orElseThrow(() -> ProblemException.notFound("ACCOUNT_NOT_FOUND"));
    }

    @Transactional
    public Account update(UUID id, AccountUpdate update) {
        Account account = get(id);
        if (update.displayName() != null && !update.displayName().isBlank()) {
            account.displayName = update.displayName().strip();
        }
        if (update.locale() != null) {
            account.locale = update.locale();
        }
        account.updatedAt = clock.instant();
        return account;
    }

    /**
     * Creates the ADMIN account named in configuration, or brings its password in line. An existing account
     * with that e-mail that is not ADMIN is never promoted: whoever registered the address first would get
     * the admin's powers (and keep their sessions). Start is refused instead, with the reason.
     */
    @Transactional
    public void ensureAdmin(String email, String password) {
        String normalized = normalize(email);
        Optional<Account> existing = accounts.findByEmail(normalized);
        if (existing.isEmpty()) {
            Account admin = newAccount(normalized, password, "Administration Pupitre", Role.ADMIN, "fr-CA");
            admin.emailVerifiedAt = admin.createdAt; // configured by whoever runs the platform
            accounts.persist(admin);
            return;
        }
        Account admin = existing.get();
        if (admin.role != Role.ADMIN) {
            throw new IllegalStateException("PUPITRE_ADMIN_EMAIL " + normalized + " belongs to an existing " + admin.role
                    + " account (created " + admin.createdAt + "); refusing to make it ADMIN. Choose another admin e-mail,"
                    + " or close that account first.");
        }
        if (admin.emailVerifiedAt == null) {
            admin.emailVerifiedAt = clock.instant();
        }
        if (!passwords.matches(password, admin.passwordHash)) {
            admin.passwordHash = passwords.hash(password);
            credentialsChanged(admin);
        }
    }

    /**
     * Changes one's password (the current one required): the other sessions end, the session making the
     * change ({@code keepSession}, the access token's {@code sid}) stays; a security notice is e-mailed.
     */
    @Transactional
    public void changePassword(UUID accountId, String current, String next, UUID keepSession) {
        Account account = get(accountId);
        if (!passwords.matches(current, account.passwordHash)) {
            throw ProblemException.forbidden("WRONG_PASSWORD");
        }
        PasswordPolicy.check(next, account.email);
        Instant now = clock.instant();
        account.passwordHash = passwords.hash(next);
        account.updatedAt = now;
        refreshTokens.revokeAllOfExcept(account.id, keepSession, now);
        mails.passwordChanged(account);
    }

    /** A role, password or status change: every session of the account ends (its refresh tokens are revoked). */
    private void credentialsChanged(Account account) {
        Instant now = clock.instant();
        account.updatedAt = now;
        refreshTokens.revokeAllOf(account.id, now);
    }

    private Account newAccount(String email, String password, String displayName, Role role, String locale) {
        Instant now = clock.instant();
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = email;
        account.passwordHash = passwords.hash(password);
        account.displayName = displayName;
        account.role = role;
        account.locale = locale;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    private static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
