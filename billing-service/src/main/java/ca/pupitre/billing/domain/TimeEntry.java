package ca.pupitre.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Time (and optional units) a secretary logged on an engagement, approved or disputed weekly. */
@Entity
@Table(name = "time_entry")
public class TimeEntry {

    @Id
    public UUID id;
    @Column(name = "engagement_id", nullable = false)
    public UUID engagementId;
    @Column(name = "work_date", nullable = false)
    public LocalDate workDate;
    @Column(nullable = false)
    public int minutes;
    public BigDecimal units;
    @Column(nullable = false)
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimeEntryState state;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
}
