package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A paid engagement a referral led to, as reported by billing: counted once per engagement. */
@Entity
@Table(name = "referral_conversion")
public class ReferralConversion {

    @Id
    @Column(name = "engagement_id")
    public UUID engagementId;

    @Column(nullable = false)
    public String code;

    @Column(name = "converted_at", nullable = false)
    public Instant convertedAt;
}
