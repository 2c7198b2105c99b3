package ca.pupitre.matching.repository;

import ca.pupitre.matching.domain.ClientBlock;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ClientBlockRepository implements PanacheRepositoryBase<ClientBlock, ClientBlock.Key> {

    public boolean blocked(UUID secretaryId, UUID clientId) {
        return findByIdOptional(new ClientBlock.Key(secretaryId, clientId)).isPresent();
    }

    public List<ClientBlock> by(UUID secretaryId) {
        return list("key.secretaryId = ?1 order by createdAt", secretaryId);
    }

    /** Secretaries who blocked {@code clientId}. */
    public Set<UUID> secretariesBlocking(UUID clientId) {
        Set<UUID> ids = new HashSet<>();
        list("key.clientId", clientId).forEach(b -> ids.add(b.key.secretaryId()));
        return ids;
    }

    /** Clients {@code secretaryId} blocked. */
    public Set<UUID> clientsBlockedBy(UUID secretaryId) {
        Set<UUID> ids = new HashSet<>();
        by(secretaryId).forEach(b -> ids.add(b.key.clientId()));
        return ids;
    }
}
