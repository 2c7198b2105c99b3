package ca.pupitre.matching.repository;

import ca.pupitre.matching.domain.Invitation;
import ca.pupitre.matching.domain.InvitationState;
import ca.pupitre.matching.domain.ranking.SecretaryRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    /** Of these requests, those whose client invited this secretary (to any of her offers). */
    public Set<UUID> requestsInviting(UUID secretaryId, Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager().createQuery(
                        "select distinct i.requestId from Invitation i where i.secretaryId = :secretary and i.requestId in :requests",
                        UUID.class)
                .setParameter("secretary", secretaryId).setParameter("requests", requestIds).getResultList());
    }

    public List<Invitation> sentBy(UUID clientId) {
        return list("clientId = ?1 order by createdAt desc, id", clientId);
    }

    public List<Invitation> receivedBy(UUID secretaryId) {
        return list("secretaryId = ?1 order by createdAt desc, id", secretaryId);
    }

    public long sentSince(UUID clientId, Instant since) {
        return count("clientId = ?1 and createdAt > ?2", clientId, since);
    }

    public boolean pendingExists(UUID requestId, UUID offerId) {
        return count("requestId = ?1 and offerId = ?2 and state = ?3", requestId, offerId, InvitationState.PENDING) > 0;
    }

    /**
     * Each secretary's invitation record: accepted invitations count as completed engagements (until billing
     * publishes completions), answered = accepted or declined, pending ones older than {@code answerWindowStart}
     * count as received but unanswered.
     */
    public Map<UUID, SecretaryRecord> records(Collection<UUID> secretaryIds, Instant answerWindowStart) {
        Map<UUID, SecretaryRecord> records = new HashMap<>();
        if (secretaryIds.isEmpty()) {
            return records;
        }
        List<Object[]> rows = getEntityManager().createQuery("""
                select i.secretaryId,
                       sum(case when i.state = 'ACCEPTED' then 1 else 0 end),
                       sum(case when i.state in ('ACCEPTED', 'DECLINED') then 1
                                when i.state = 'PENDING' and i.createdAt < :window then 1 else 0 end),
                       sum(case when i.state in ('ACCEPTED', 'DECLINED') then 1 else 0 end),
                       avg(case when i.state in ('ACCEPTED', 'DECLINED')
                                then extract(epoch from i.answeredAt) - extract(epoch from i.createdAt) end)
                from Invitation i where i.secretaryId in :ids group by i.secretaryId""", Object[].class)
                .setParameter("window", answerWindowStart).setParameter("ids", secretaryIds).getResultList();
        for (Object[] row : rows) {
            Double seconds = row[4] == null ? null : ((Number) row[4]).doubleValue();
            records.put((UUID) row[0], new SecretaryRecord(((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue(), seconds == null ? null : seconds / 3600.0, 0, 0));
        }
        return records;
    }
}
