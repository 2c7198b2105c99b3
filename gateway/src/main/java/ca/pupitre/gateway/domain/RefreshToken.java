package ca.pupitre.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a rotation family; only its SHA-256 is stored. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The device of the sign-in this session started with (its User-Agent, clipped). */
    @Column(name = "user_agent", length = 200)
    public String userAgent;

    public boolean usableAt(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
