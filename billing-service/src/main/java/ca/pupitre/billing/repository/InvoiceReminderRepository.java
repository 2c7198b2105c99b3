package ca.pupitre.billing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** The {@code invoice_reminder} table: which overdue reminder (stage 1 or 15 days) each invoice was sent, and to whom. */
@ApplicationScoped
public class InvoiceReminderRepository {

    private final EntityManager em;

    public InvoiceReminderRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the stage's reminder; false when it was already recorded (sent, or tried, before). */
    public boolean record(UUID invoiceId, int stage, Instant at, String recipient) {
        return em.createNativeQuery("insert into invoice_reminder (invoice_id, stage, sent_at, recipient)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, invoiceId).setParameter(2, stage).setParameter(3, Timestamp.from(at))
                .setParameter(4, recipient).executeUpdate() == 1;
    }
}
