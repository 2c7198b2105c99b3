package ca.pupitre.billing.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * Gap-free sequences per issuer, series and year. {@link #next} must run inside the transaction
 * that issues the document: the counter row stays locked ({@code FOR UPDATE}) until it commits, so
 * concurrent issues queue up and a rolled-back issue gives its number back.
 */
@ApplicationScoped
public class InvoiceCounterRepository {

    private final EntityManager em;

    public InvoiceCounterRepository(EntityManager em) {
        this.em = em;
    }

    public int next(UUID issuer, String series, int year) {
        em.createNativeQuery("insert into invoice_counter (issuer_id, series, year, last_value) values (?1, ?2, ?3, 0)"
                        + " on conflict do nothing")
                .setParameter(1, issuer).setParameter(2, series).setParameter(3, year).executeUpdate();
        Number last = (Number) em.createNativeQuery("select last_value from invoice_counter"
                        + " where issuer_id = ?1 and series = ?2 and year = ?3 for update")
                .setParameter(1, issuer).setParameter(2, series).setParameter(3, year).getSingleResult();
        int next = last.intValue() + 1;
        em.createNativeQuery("update invoice_counter set last_value = ?4 where issuer_id = ?1 and series = ?2 and year = ?3")
                .setParameter(1, issuer).setParameter(2, series).setParameter(3, year).setParameter(4, next).executeUpdate();
        return next;
    }
}
