package ca.pupitre.gateway.repository;

import ca.pupitre.gateway.domain.RefreshToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /** The token with this hash, row-locked so two concurrent refreshes cannot both use it. */
    public Optional<RefreshToken> findByHashForUpdate(String hash) {
        return find("tokenHash", hash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public int revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    public int revokeAllOf(UUID accountId, Instant now) {
        return update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", now, accountId);
    }

    /** Every session of the account but {@code keep} (its family id; null: every session). */
    public int revokeAllOfExcept(UUID accountId, UUID keep, Instant now) {
        if (keep == null) {
            return revokeAllOf(accountId, now);
        }
        return update("revokedAt = ?1 where accountId = ?2 and familyId <> ?3 and revokedAt is null", now, accountId, keep);
    }
}
