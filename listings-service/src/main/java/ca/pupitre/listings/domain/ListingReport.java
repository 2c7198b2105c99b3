package ca.pupitre.listings.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's report on a listing (one per user per listing). */
@Entity
@Table(name = "listing_report")
public class ListingReport {

    @Id
    public UUID id;

    @Column(name = "listing_id")
    public UUID listingId;

    public String reporter;

    @Enumerated(EnumType.STRING)
    public ReportReason reason;

    public String comment;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Set when the owner acted on the listing after a NO_LONGER_RELEVANT question. */
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** Whether it counts toward hiding the listing (its author's account was old enough, or an admin). */
    @Column(name = "counts_toward_hiding", nullable = false)
    public boolean countsTowardHiding;
}
