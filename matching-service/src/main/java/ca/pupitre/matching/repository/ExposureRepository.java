package ca.pupitre.matching.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Newcomers' exposure counts (table {@code newcomer_exposure}), read and bumped with plain SQL. */
@ApplicationScoped
public class ExposureRepository {

    @SuppressWarnings("unchecked")
    public Map<UUID, Integer> of(Collection<UUID> secretaryIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (secretaryIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select secretary_id, exposures from newcomer_exposure where secretary_id = any(?1)")
                .setParameter(1, secretaryIds.toArray(new UUID[0])).getResultList();
        rows.forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    public void bump(Collection<UUID> secretaryIds, Instant at) {
        for (UUID id : secretaryIds) {
            Panache.getEntityManager().createNativeQuery("""
                    insert into newcomer_exposure (secretary_id, exposures, last_exposed_at) values (?1, 1, ?2)
                    on conflict (secretary_id) do update set exposures = newcomer_exposure.exposures + 1, last_exposed_at = ?2""")
                    .setParameter(1, id).setParameter(2, Timestamp.from(at)).executeUpdate();
        }
    }
}
