package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One person's report of a review (once per person). */
@Entity
@Table(name = "review_report")
public class ReviewReport {

    @Embeddable
    public record Key(@Column(name = "review_id") UUID reviewId, @Column(name = "reporter_id") UUID reporterId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
