package ca.pupitre.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client's recommendation of a secretary, shared as a code or link (one per client and secretary). */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    public String code;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "secretary_id", nullable = false)
    public UUID secretaryId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
