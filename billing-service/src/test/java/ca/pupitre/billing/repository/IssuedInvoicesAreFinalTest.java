package ca.pupitre.billing.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.pupitre.billing.BillingTestProfile;
import ca.pupitre.billing.Scenario;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database's own guard (V8): whatever code runs, an issued invoice's amounts, parties, number and lines
 * never change, and it is never deleted; its state and what was paid or credited still may. Each statement
 * below is what a careless code path would send.
 */
@QuarkusTest
@TestProfile(BillingTestProfile.class)
class IssuedInvoicesAreFinalTest {

    private final Scenario s = Scenario.fresh();

    @Inject
    EntityManager em;

    private int run(String sql, UUID invoice) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter(1, invoice).executeUpdate());
    }

    private void refused(String sql, UUID invoice) {
        assertThatThrownBy(() -> run(sql, invoice)).as(sql).hasStackTraceContaining("is issued");
    }

    @Test
    void aDraftChangesFreelyAnIssuedInvoiceOnlyByWhatHappensToIt() {
        s.registeredSecretary().clientIn("QC");
        UUID invoice = s.draftOf475();
        // a draft: its lines and amounts may still change (the guard is not in the way of drafting)
        assertThat(run("update invoice_line set description = description || ' (révisé)' where invoice_id = ?1", invoice)).isEqualTo(2);
        assertThat(run("update invoice set reason = null where id = ?1", invoice)).isEqualTo(1);

        s.issue(invoice);

        refused("update invoice set subtotal = subtotal + 1 where id = ?1", invoice);
        refused("update invoice set total = 0, tax_total = 0 where id = ?1", invoice);
        refused("update invoice set client_name = 'Quelqu''un d''autre' where id = ?1", invoice);
        refused("update invoice set number = null where id = ?1", invoice);
        refused("update invoice set state = 'DRAFT' where id = ?1", invoice);
        refused("delete from invoice where id = ?1", invoice);
        refused("update invoice_line set amount = 0 where invoice_id = ?1", invoice);
        refused("delete from invoice_tax where invoice_id = ?1", invoice);
        refused("insert into invoice_line (id, invoice_id, position, description, quantity, unit, unit_price, amount, currency)"
                + " values (gen_random_uuid(), ?1, 9, 'Ajout', 1, 'HOUR', 10, 10, 'CAD')", invoice);
        refused("insert into invoice_tax (id, invoice_id, code, rate, amount, currency)"
                + " values (gen_random_uuid(), ?1, 'HST', 0.13, 61.75, 'CAD')", invoice);

        refused("update invoice set issued_xact = pg_current_xact_id() where id = ?1", invoice);
        // a later transaction that touches the invoice (a payment) does not reopen its lines
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update invoice set paid_total = paid_total + 1, state = 'PARTIALLY_PAID' where id = ?1")
                    .setParameter(1, invoice).executeUpdate();
            em.createNativeQuery("update invoice_line set amount = 0 where invoice_id = ?1").setParameter(1, invoice).executeUpdate();
        })).hasStackTraceContaining("is issued");

        // what happens to an issued invoice: paid, credited, written off; along the states' arrows, totals growing
        assertThat(run("update invoice set paid_total = paid_total + 10, state = 'PARTIALLY_PAID' where id = ?1", invoice)).isEqualTo(1);
        refused("update invoice set paid_total = paid_total - 10 where id = ?1", invoice);
        refused("update invoice set state = 'ISSUED' where id = ?1", invoice);
        refused("update invoice set state = 'VOID' where id = ?1", invoice);
        assertThat(run("update invoice set credited_total = credited_total + 5 where id = ?1", invoice)).isEqualTo(1);
        assertThat(run("update invoice set state = 'UNCOLLECTIBLE' where id = ?1", invoice)).isEqualTo(1);
        refused("update invoice set state = 'PAID' where id = ?1", invoice);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from invoice_line where invoice_id = ?1").setParameter(1, invoice).getSingleResult()).intValue()))
                .isEqualTo(2);
    }
}
