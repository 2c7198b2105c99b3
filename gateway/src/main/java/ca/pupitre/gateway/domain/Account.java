package ca.pupitre.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who signs in to Pupitre. The password is kept only as a bcrypt hash. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public String locale;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the person proved the e-mail address (null: not yet). */
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    /** When an admin disabled the account (null: active), why, and which admin. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason", length = 500)
    public String disabledReason;

    @Column(name = "disabled_by")
    public UUID disabledBy;

    /** When the person closed her account (null: open); what identified her is erased then. */
    @Column(name = "closed_at")
    public Instant closedAt;

    public boolean closed() {
        return closedAt != null;
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
