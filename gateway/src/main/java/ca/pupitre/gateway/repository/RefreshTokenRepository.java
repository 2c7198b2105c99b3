package ca.pupitre.gateway.repository;

import ca.pupitre.gateway.domain.RefreshToken;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** When each of the account's sessions (token families) began: its first token's issue time. */
    public Map<UUID, Instant> familyStarts(UUID accountId) {
        return getEntityManager().createQuery(
                        "select t.familyId, min(t.issuedAt) from RefreshToken t where t.accountId = :account group by t.familyId",
                        Object[].class).setParameter("account", accountId).getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Instant) row[1]));
    }
}
