package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A saved search: what its owner wants to hear about, how often, and in which language. */
@Entity
@Table(name = "alert")
public class Alert {

    public enum Frequency { IMMEDIATE, DAILY }

    @Id
    public UUID id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "owner_role", nullable = false)
    public String ownerRole;

    @Column(nullable = false)
    public String name;

    @Column(name = "query_text")
    public String queryText;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] skills;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] languages;

    @Column(length = 2)
    public String region;

    @Column(name = "remote_only", nullable = false)
    public boolean remoteOnly;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Frequency frequency;

    @Column(nullable = false, length = 2)
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Where the alert is mailed: the {@code email} claim of its creator's token (null for old alerts: not mailed). */
    public String email;

    @Column(name = "recipient_name")
    public String recipientName;

    /** Random secret of the one-click unsubscribe link (RFC 8058). */
    @Column(name = "unsubscribe_token")
    public String unsubscribeToken;

    /** High-water mark: the largest {@code listing_copy.last_seq} already considered for this alert. */
    @Column(name = "last_sent_seq", nullable = false)
    public long lastSentSeq;

    /** When the alert was last processed (the daily digest runs once per Toronto day). */
    @Column(name = "last_run_at")
    public Instant lastRunAt;
}
