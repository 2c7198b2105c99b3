package ca.pupitre.matching.repository;

import ca.pupitre.matching.domain.Review;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {

    public boolean existsForEngagement(UUID engagementId) {
        return count("engagementId", engagementId) > 0;
    }

    public List<Review> visibleFor(UUID secretaryId) {
        return list("secretaryId = ?1 and hidden = false order by createdAt desc, id", secretaryId);
    }

    /** {@code [count, sum of stars]} of the visible reviews of each secretary. */
    public Map<UUID, int[]> totals(Collection<UUID> secretaryIds) {
        Map<UUID, int[]> totals = new HashMap<>();
        if (secretaryIds.isEmpty()) {
            return totals;
        }
        getEntityManager().createQuery("""
                select r.secretaryId, count(r), sum(r.stars) from Review r
                where r.secretaryId in :ids and r.hidden = false group by r.secretaryId""", Object[].class)
                .setParameter("ids", secretaryIds).getResultList()
                .forEach(row -> totals.put((UUID) row[0], new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()}));
        return totals;
    }
}
