package ca.pupitre.gateway.repository;

import ca.pupitre.gateway.domain.EmailToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EmailTokenRepository implements PanacheRepositoryBase<EmailToken, UUID> {

    public Optional<EmailToken> findByHashForUpdate(String hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Tokens of this purpose sent to the account since {@code since}, newest first. */
    public List<EmailToken> sentSince(UUID accountId, EmailToken.Purpose purpose, Instant since) {
        return list("accountId = ?1 and purpose = ?2 and createdAt >= ?3 order by createdAt desc", accountId, purpose, since);
    }

    /** Ends the account's unused tokens of this purpose (a newer one replaces them, or they were just used). */
    public int spendAll(UUID accountId, EmailToken.Purpose purpose, Instant now) {
        return update("usedAt = ?1 where accountId = ?2 and purpose = ?3 and usedAt is null", now, accountId, purpose);
    }
}
