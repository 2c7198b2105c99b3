package ca.pupitre.billing.repository;

import ca.pupitre.billing.domain.TimeEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class TimeEntryRepository implements PanacheRepositoryBase<TimeEntry, UUID> {

    /** Frees the time entries a deleted draft had taken, so the next invoice can bill them. */
    public int releaseFromInvoice(UUID invoiceId) {
        return update("invoiceId = null where invoiceId = ?1", invoiceId);
    }
}
