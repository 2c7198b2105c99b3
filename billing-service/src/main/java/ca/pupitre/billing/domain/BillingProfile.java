package ca.pupitre.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who a user is on invoices: a secretary as supplier (with her tax numbers), a client as recipient. */
@Entity
@Table(name = "billing_profile")
public class BillingProfile {

    public enum Kind { SECRETARY, CLIENT }

    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "kind", nullable = false)
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "legal_name", nullable = false)
    public String legalName;
    @Column(nullable = false)
    public String address;
    @Column(nullable = false)
    public String province;
    @Column(name = "small_supplier", nullable = false)
    public boolean smallSupplier;
    @Column(name = "gst_number")
    public String gstNumber;
    @Column(name = "qst_number")
    public String qstNumber;
    @Column(name = "payment_instructions")
    public String paymentInstructions;
    public String email;

    /** Where overdue reminders go: an address the gateway verified (see ProfileService.put); null: none. */
    @Column(name = "reminder_email")
    public String reminderEmail;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
