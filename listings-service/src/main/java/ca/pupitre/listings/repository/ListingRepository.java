package ca.pupitre.listings.repository;

import ca.pupitre.listings.domain.Listing;
import ca.pupitre.listings.domain.ListingStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ListingRepository implements PanacheRepositoryBase<Listing, UUID> {

    public Optional<Listing> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Listings by id, read-only (no dirty-checking snapshot): every caller only shows them (search, feeds). */
    public Map<UUID, Listing> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // One statement whatever the number of ids (an array, not an IN list), so PostgreSQL plans it once.
        @SuppressWarnings("unchecked")
        List<Listing> found = getEntityManager().createNativeQuery("select * from listing where id = any(:ids)", Listing.class)
                .setParameter("ids", ids.toArray(UUID[]::new)).setHint("org.hibernate.readOnly", true).getResultList();
        return found.stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
    }

    /** The owner's published listings, locked (an account being disabled). */
    public List<Listing> publishedOf(UUID ownerId) {
        return find("ownerId = ?1 and status = ?2", ownerId, ListingStatus.PUBLISHED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Every listing of the owner, locked (her account is being closed). */
    public List<Listing> allOfForUpdate(UUID ownerId) {
        return find("ownerId = ?1 order by createdAt", ownerId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The owner's listings hidden for this reason, locked (an account being enabled again). */
    public List<Listing> hiddenOf(UUID ownerId, String reason) {
        return find("ownerId = ?1 and status = ?2 and hiddenReason = ?3", ownerId, ListingStatus.HIDDEN,
                reason).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The owner's listings, newest first, after the keyset position (createdAt, id) when given. */
    public List<Listing> ownedBy(UUID ownerId, Instant afterCreatedAt, UUID afterId, int limit) {
        if (afterCreatedAt == null) {
            return find("ownerId = ?1 order by createdAt desc, id desc", ownerId).page(0, limit).list();
        }
        return find("ownerId = :owner and (createdAt < :at or (createdAt = :at and id < :id)) order by createdAt desc, id desc",
                Parameters.with("owner", ownerId).and("at", afterCreatedAt).and("id", afterId)).page(0, limit).list();
    }

    /** Published listings whose expiry falls in (now, until], soonest first. */
    public List<Listing> expiringBetween(Instant now, Instant until, int limit) {
        return find("status = ?1 and expiresAt > ?2 and expiresAt <= ?3 order by expiresAt, id",
                ListingStatus.PUBLISHED, now, until).page(0, limit).list();
    }

    /** Published listings past their expiry, locked (skipping rows another transaction holds). */
    @SuppressWarnings("unchecked")
    public List<Listing> dueForExpiry(Instant now, int limit) {
        return getEntityManager().createNativeQuery(
                        "select * from listing where status = 'PUBLISHED' and expires_at <= :now"
                                + " order by expires_at limit :limit for update skip locked", Listing.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList();
    }
}
