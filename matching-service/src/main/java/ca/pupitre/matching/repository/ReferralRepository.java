package ca.pupitre.matching.repository;

import ca.pupitre.matching.domain.Referral;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, String> {

    public Optional<Referral> of(UUID clientId, UUID secretaryId) {
        return find("clientId = ?1 and secretaryId = ?2", clientId, secretaryId).firstResultOptional();
    }

    public List<Referral> by(UUID clientId) {
        return list("clientId = ?1 order by createdAt, code", clientId);
    }

    /** Distinct clients who recommended {@code secretaryId}. */
    public long recommenders(UUID secretaryId) {
        return getEntityManager().createQuery("select count(distinct r.clientId) from Referral r where r.secretaryId = ?1", Long.class)
                .setParameter(1, secretaryId).getSingleResult();
    }

    /** Distinct recommending clients per secretary, for many secretaries in one query. */
    public Map<UUID, Long> recommenders(Collection<UUID> secretaryIds) {
        Map<UUID, Long> counts = new HashMap<>();
        Set<UUID> ids = secretaryIds.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return counts;
        }
        getEntityManager().createQuery("select r.secretaryId, count(distinct r.clientId) from Referral r where r.secretaryId in :ids"
                + " group by r.secretaryId", Object[].class).setParameter("ids", ids)
                .getResultList().forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }

    /** Paid engagements that referrals of {@code secretaryId} led to. */
    public long conversions(UUID secretaryId) {
        return getEntityManager().createQuery("select count(c) from ReferralConversion c, Referral r where c.code = r.code and r.secretaryId = ?1",
                Long.class).setParameter(1, secretaryId).getSingleResult();
    }

    /** Inserts unless a row for the pair or the code exists (concurrent creations end with one referral). */
    public void insertIfAbsent(Referral r) {
        getEntityManager().createNativeQuery("insert into referral (code, client_id, secretary_id, created_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, r.code).setParameter(2, r.clientId).setParameter(3, r.secretaryId).setParameter(4, r.createdAt)
                .executeUpdate();
    }

    /** Counts a conversion unless this engagement was already counted; true when this call counted it. */
    public boolean insertConversionIfAbsent(UUID engagementId, String code, Instant at) {
        return getEntityManager().createNativeQuery("insert into referral_conversion (engagement_id, code, converted_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, engagementId).setParameter(2, code).setParameter(3, at).executeUpdate() == 1;
    }

    /** The code an engagement was counted for, if any. */
    public Optional<String> conversionCode(UUID engagementId) {
        return getEntityManager().createQuery("select c.code from ReferralConversion c where c.engagementId = ?1", String.class)
                .setParameter(1, engagementId).getResultStream().findFirst();
    }
}
