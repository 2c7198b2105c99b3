package ca.pupitre.listings.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An offer or a request. The stored {@link #status} may still say PUBLISHED after the expiry instant
 * (the expiry job flips it later): always read {@link #effectiveStatus(Instant)}.
 */
@Entity
@Table(name = "listing")
public class Listing {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ListingKind kind;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    public ListingStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "hidden_from_status")
    public ListingStatus hiddenFromStatus;

    @Column(name = "title_fr")
    public String titleFr;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "description_fr")
    public String descriptionFr;
    @Column(name = "description_en")
    public String descriptionEn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] skills;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] languages;


    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_unit")
    public PricingUnit pricingUnit;

    @Column(name = "pricing_amount", precision = 19, scale = 2)
    public BigDecimal pricingAmount;

    public String currency;

    @Column(name = "hours_per_week")
    public Integer hoursPerWeek;

    public String turnaround;
    public boolean remote;
    public String region;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Enumerated(EnumType.STRING)
    public Confidentiality confidentiality;

    @Column(name = "public_name")
    public String publicName;
    public boolean anonymous;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_reason")
    public CloseReason closedReason;

    @Column(name = "hidden_reason")
    public String hiddenReason;

    @Column(name = "featured_until")
    public Instant featuredUntil;

    @Version
    public long version;

    /** The status as of {@code now}: a PUBLISHED listing past its expiry is EXPIRED even before the job runs. */
    public ListingStatus effectiveStatus(Instant now) {
        if (status == ListingStatus.PUBLISHED && expiresAt != null && !expiresAt.isAfter(now)) {
            return ListingStatus.EXPIRED;
        }
        return status;
    }

    /** Whether anyone, even anonymous, may read it as of {@code now}. */
    public boolean publiclyVisible(Instant now) {
        return effectiveStatus(now) == ListingStatus.PUBLISHED;
    }

    public boolean promoted(Instant now) {
        return featuredUntil != null && featuredUntil.isAfter(now);
    }

    public Instant expiryReminderDueAt(Duration reminderBefore) {
        return expiresAt == null ? null : expiresAt.minus(reminderBefore);
    }

    public Transition publish(Instant now, Duration lifetime) {
        ListingStatus from = effectiveStatus(now);
        if (from != ListingStatus.DRAFT) {
            throw new IllegalTransitionException(from, "publish");
        }
        return goLive(from, now, lifetime, null);
    }

    /** Republishes an expired listing, or extends a published one, for a full lifetime from now. */
    public Transition renew(Instant now, Duration lifetime) {
        ListingStatus from = effectiveStatus(now);
        if (from != ListingStatus.EXPIRED && from != ListingStatus.PUBLISHED) {
            throw new IllegalTransitionException(from, "renew");
        }
        return goLive(from, now, lifetime, "RENEWED");
    }

    public Transition close(CloseReason reason) {
        if (status == ListingStatus.CLOSED) {
            throw new IllegalTransitionException(status, "close");
        }
        ListingStatus from = status;
        status = ListingStatus.CLOSED;
        closedReason = reason;
        hiddenFromStatus = null;
        return new Transition(from, ListingStatus.CLOSED, reason.name());
    }

    public Transition hide(Instant now, String reason) {
        ListingStatus from = effectiveStatus(now);
        if (from == ListingStatus.HIDDEN || from == ListingStatus.CLOSED) {
            throw new IllegalTransitionException(from, "hide");
        }
        hiddenFromStatus = from;
        status = ListingStatus.HIDDEN;
        hiddenReason = reason;
        return new Transition(from, ListingStatus.HIDDEN, reason);
    }

    public Transition unhide(Instant now) {
        if (status != ListingStatus.HIDDEN) {
            throw new IllegalTransitionException(effectiveStatus(now), "unhide");
        }
        status = hiddenFromStatus == null ? ListingStatus.DRAFT : hiddenFromStatus;
        hiddenFromStatus = null;
        hiddenReason = null;
        return new Transition(ListingStatus.HIDDEN, effectiveStatus(now), null);
    }

    /** Stores EXPIRED once the lifetime is over; {@code null} when there is nothing to do. */
    public Transition expireIfDue(Instant now) {
        if (status == ListingStatus.PUBLISHED && effectiveStatus(now) == ListingStatus.EXPIRED) {
            status = ListingStatus.EXPIRED;
            return new Transition(ListingStatus.PUBLISHED, ListingStatus.EXPIRED, "LIFETIME_ELAPSED");
        }
        return null;
    }

    public void requireEditable(Instant now) {
        ListingStatus current = effectiveStatus(now);
        if (!current.editable()) {
            throw new IllegalTransitionException(current, "edit");
        }
    }

    private Transition goLive(ListingStatus from, Instant now, Duration lifetime, String reason) {
        status = ListingStatus.PUBLISHED;
        publishedAt = now;
        expiresAt = now.plus(lifetime);
        return new Transition(from, ListingStatus.PUBLISHED, reason);
    }
}
