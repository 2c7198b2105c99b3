package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Matching's copy of one listing, as the listings change feed last described it ({@code lastSeq}). */
@Entity
@Table(name = "listing_copy")
public class ListingCopy {

    @Id
    public UUID id;

    /** OFFER or REQUEST; null for a listing only ever seen as a tombstone. */
    public String kind;

    @Column(name = "owner_id")
    public UUID ownerId;

    /** A request whose client chose not to be named: its owner is shown only to admins and secretaries it invited. */
    @Column(nullable = false)
    public boolean anonymous;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] skills = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] languages = new String[0];

    @Column(name = "pricing_unit")
    public String pricingUnit;

    @Column(precision = 19, scale = 2)
    public BigDecimal amount;

    public String currency;

    @Column(name = "hours_per_week")
    public Integer hoursPerWeek;

    /** ISO-8601 duration such as {@code PT48H}. */
    public String turnaround;

    @Column(nullable = false)
    public boolean remote;

    public String region;

    public String confidentiality;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "title_fr")
    public String titleFr;

    @Column(name = "title_en")
    public String titleEn;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
