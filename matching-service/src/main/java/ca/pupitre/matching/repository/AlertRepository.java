package ca.pupitre.matching.repository;

import ca.pupitre.matching.domain.Alert;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    public List<Alert> ownedBy(UUID ownerId) {
        return list("ownerId = ?1 order by createdAt, id", ownerId);
    }

    public long countOwnedBy(UUID ownerId) {
        return count("ownerId", ownerId);
    }

    public Optional<Alert> findOwned(UUID id, UUID ownerId) {
        return find("id = ?1 and ownerId = ?2", id, ownerId).firstResultOptional();
    }

    /** Alerts that can be mailed (they have an address), oldest first. */
    public List<UUID> mailable() {
        return getEntityManager().createQuery("select a.id from Alert a where a.email is not null order by a.createdAt, a.id", UUID.class)
                .getResultList();
    }
}
