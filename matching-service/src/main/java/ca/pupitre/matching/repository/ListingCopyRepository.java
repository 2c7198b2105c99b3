package ca.pupitre.matching.repository;

import ca.pupitre.matching.domain.ListingCopy;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import java.math.BigDecimal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ListingCopyRepository implements PanacheRepositoryBase<ListingCopy, UUID> {

    /** Published, unexpired listings of one kind (the other hard rules are checked by the domain). */
    public List<ListingCopy> openOfKind(String kind, Instant now) {
        return list("kind = ?1 and status = 'PUBLISHED' and (expiresAt is null or expiresAt > ?2)", kind, now);
    }

    /**
     * Open offers that can pass the request's rate, hours and region rules: a database-side narrowing only;
     * the domain still checks every hard rule on what comes back.
     */
    public List<ListingCopy> openOffersFor(String unit, BigDecimal rateCeiling, Integer minHours, String region, Instant now) {
        StringBuilder query = new StringBuilder("kind = 'OFFER' and status = 'PUBLISHED' and (expiresAt is null or expiresAt > :now)");
        Parameters params = Parameters.with("now", now);
        if (rateCeiling != null) {
            query.append(" and pricingUnit = :unit and amount <= :ceiling");
            params.and("unit", unit).and("ceiling", rateCeiling);
        }
        if (minHours != null) {
            query.append(" and hoursPerWeek >= :hours");
            params.and("hours", minHours);
        }
        if (region != null) {
            query.append(" and region = :region");
            params.and("region", region);
        }
        return list(query.toString(), params);
    }

    /** The newest change applied to the copy (0 when empty). */
    /** Of these requests, those published under their client's name (not anonymously). */
    public Set<UUID> namedAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select c.id from ListingCopy c where c.id in :ids and c.anonymous = false", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    public long newestSeq() {
        Long max = getEntityManager().createQuery("select max(l.lastSeq) from ListingCopy l", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** Open listings of one kind changed after {@code seq}, oldest change first. */
    public List<ListingCopy> openOfKindChangedAfter(String kind, long seq, Instant now) {
        return list("kind = ?1 and status = 'PUBLISHED' and lastSeq > ?2 and (expiresAt is null or expiresAt > ?3) order by lastSeq",
                kind, seq, now);
    }
}
