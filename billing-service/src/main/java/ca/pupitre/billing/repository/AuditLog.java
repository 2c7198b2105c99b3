package ca.pupitre.billing.repository;

import ca.pupitre.platform.metrics.BusinessEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Append-only trail of who did what to money objects, written in the same transaction; each action is also counted
 * once committed ({@code pupitre_billing_actions_total{action="INVOICE_ISSUED"}}, …): billing's business signals.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final Clock clock;
    private final BusinessEvents business;

    public AuditLog(EntityManager em, Clock clock, BusinessEvents business) {
        this.em = em;
        this.clock = clock;
        this.business = business;
    }

    public void record(String actor, String action, String objectType, UUID objectId, String detail) {
        em.createNativeQuery("insert into audit_event (at, actor, action, object_type, object_id, detail) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, actor).setParameter(3, action).setParameter(4, objectType)
                .setParameter(5, objectId).setParameter(6, detail)
                .executeUpdate();
        business.happened("pupitre.billing.actions", "What was done to engagements, invoices and payments", "action", action);
    }
}
