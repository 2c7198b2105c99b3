package ca.pupitre.gateway.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One API key of a partner; only the SHA-256 of the key is stored, the prefix finds it. */
@Entity
@Table(name = "partner_key")
public class PartnerKey {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String prefix;

    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** End of the grace period, set when a rotation replaces this key; null while it is the current key. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public PartnerKeyStatus statusAt(Instant now) {
        return statusOf(expiresAt, revokedAt, now);
    }

    /** The one rule, shared by the entity and the cached snapshots the proxy checks. */
    static PartnerKeyStatus statusOf(Instant expiresAt, Instant revokedAt, Instant now) {
        if (revokedAt != null || (expiresAt != null && !now.isBefore(expiresAt))) {
            return PartnerKeyStatus.REVOKED;
        }
        return expiresAt == null ? PartnerKeyStatus.ACTIVE : PartnerKeyStatus.GRACE;
    }
}
