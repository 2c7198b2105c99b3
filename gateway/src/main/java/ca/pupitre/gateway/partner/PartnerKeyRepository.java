package ca.pupitre.gateway.partner;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PartnerKeyRepository implements PanacheRepositoryBase<PartnerKey, UUID> {

    public Optional<PartnerKey> findByPrefix(String prefix) {
        return find("prefix", prefix).firstResultOptional();
    }

    /** A partner's keys, newest first; row-locked when {@code lock} so two rotations serialize. */
    public List<PartnerKey> ofPartner(UUID partnerId, boolean lock) {
        var query = find("partnerId = ?1 order by createdAt desc, id", partnerId);
        return lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE).list() : query.list();
    }

    public List<PartnerKey> ofPartners(Collection<UUID> partnerIds) {
        return partnerIds.isEmpty() ? List.of() : list("partnerId in ?1 order by createdAt desc, id", partnerIds);
    }

    public boolean prefixTaken(String prefix) {
        return count("prefix", prefix) > 0;
    }
}
