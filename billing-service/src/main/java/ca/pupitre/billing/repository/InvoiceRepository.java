package ca.pupitre.billing.repository;

import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoiceKind;
import ca.pupitre.billing.domain.InvoiceState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    /** The invoice row locked until the transaction ends, so concurrent issues and payments on it queue up. */
    public Optional<Invoice> findLocked(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Invoices (not credit notes) still owed whose due date is before {@code today}. */
    public List<UUID> overdueIds(LocalDate today) {
        return getEntityManager().createQuery(
                        "select i.id from Invoice i where i.kind = ?1 and i.state in ?2 and i.dueDate < ?3", UUID.class)
                .setParameter(1, InvoiceKind.INVOICE)
                .setParameter(2, List.of(InvoiceState.ISSUED, InvoiceState.PARTIALLY_PAID))
                .setParameter(3, today).getResultList();
    }
}
