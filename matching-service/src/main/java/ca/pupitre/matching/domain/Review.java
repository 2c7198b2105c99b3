package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client's verified review of a secretary for one engagement, with the secretary's one public answer. */
@Entity
@Table(name = "review")
public class Review {

    @Id
    public UUID id;

    @Column(name = "engagement_id", nullable = false)
    public UUID engagementId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "secretary_id", nullable = false)
    public UUID secretaryId;

    @Column(nullable = false)
    public short stars;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String answer;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(nullable = false)
    public boolean hidden;

    @Column(name = "hidden_reason")
    public String hiddenReason;

    @Column(name = "report_count", nullable = false)
    public int reportCount;
}
