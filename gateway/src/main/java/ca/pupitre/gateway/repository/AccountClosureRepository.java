package ca.pupitre.gateway.repository;

import ca.pupitre.gateway.domain.AccountClosure;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccountClosureRepository implements PanacheRepositoryBase<AccountClosure, UUID> {

    /** Closures with erasure still to do now: a first pass unconfirmed, or a final pass due. */
    public List<UUID> due(Instant now, int limit) {
        return getEntityManager().createQuery("""
                select c.accountId from AccountClosure c where c.finalPassAt is null
                  and (c.listingsDoneAt is null or c.matchingDoneAt is null or c.finalPassAfter <= :now)
                order by c.requestedAt""", UUID.class).setParameter("now", now).setMaxResults(limit).getResultList();
    }
}
