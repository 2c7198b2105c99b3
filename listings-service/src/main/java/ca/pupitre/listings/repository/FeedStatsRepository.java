package ca.pupitre.listings.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Attribution counters (V3): impressions per partner, feed and day (one upsert per response), per-listing
 * impressions from the delta feed (one batched upsert per page), clicks per listing, partner and day.
 */
@ApplicationScoped
public class FeedStatsRepository {

    /** The partner id under which clicks without a (valid) partner parameter are counted: source "direct". */
    public static final UUID DIRECT = new UUID(0, 0);

    private final EntityManager em;

    public FeedStatsRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void countServe(UUID partnerId, String feed, LocalDate day, long items) {
        em.createNativeQuery("insert into feed_impression (partner_id, feed, day, serves, items) values (:p, :f, :d, 1, :n)"
                        + " on conflict (partner_id, feed, day) do update"
                        + " set serves = feed_impression.serves + 1, items = feed_impression.items + excluded.items")
                .setParameter("p", partnerId).setParameter("f", feed).setParameter("d", day).setParameter("n", items)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void countListingImpressions(UUID partnerId, LocalDate day, Collection<UUID> listingIds) {
        if (listingIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("insert into listing_impression (listing_id, partner_id, day, impressions)"
                        + " select id, :p, :d, count(*) from unnest(cast(string_to_array(:ids, ',') as uuid[])) as served(id) group by id"
                        + " on conflict (listing_id, partner_id, day) do update"
                        + " set impressions = listing_impression.impressions + excluded.impressions")
                .setParameter("p", partnerId).setParameter("d", day)
                .setParameter("ids", listingIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .executeUpdate();
    }

    @Transactional
    public void countClick(UUID listingId, UUID partnerId, LocalDate day) {
        em.createNativeQuery("insert into listing_click (listing_id, partner_id, day, clicks) values (:l, :p, :d, 1)"
                        + " on conflict (listing_id, partner_id, day) do update set clicks = listing_click.clicks + 1")
                .setParameter("l", listingId).setParameter("p", partnerId).setParameter("d", day).executeUpdate();
    }

    /** Serves and items per feed for one partner, over every day. */
    @SuppressWarnings("unchecked")
    public List<FeedCount> impressionsByFeed(UUID partnerId) {
        List<Object[]> rows = em.createNativeQuery("select feed, sum(serves), sum(items) from feed_impression"
                + " where partner_id = :p group by feed order by feed").setParameter("p", partnerId).getResultList();
        return rows.stream().map(r -> new FeedCount((String) r[0], num(r[1]), num(r[2]))).toList();
    }

    /** The partner's listings by clicks (then delta-feed impressions), most first. */
    @SuppressWarnings("unchecked")
    public List<ListingCount> topListings(UUID partnerId, int limit) {
        List<Object[]> rows = em.createNativeQuery("select coalesce(c.listing_id, i.listing_id), coalesce(c.clicks, 0),"
                        + " coalesce(i.impressions, 0) from"
                        + " (select listing_id, sum(clicks) clicks from listing_click where partner_id = :p group by listing_id) c"
                        + " full join (select listing_id, sum(impressions) impressions from listing_impression"
                        + " where partner_id = :p group by listing_id) i on i.listing_id = c.listing_id"
                        + " order by 2 desc, 3 desc, 1 limit :limit")
                .setParameter("p", partnerId).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new ListingCount((UUID) r[0], num(r[1]), num(r[2]))).toList();
    }

    public long totalClicks(UUID partnerId) {
        return num(em.createNativeQuery("select coalesce(sum(clicks), 0) from listing_click where partner_id = :p")
                .setParameter("p", partnerId).getSingleResult());
    }

    /** Clicks and delta-feed impressions of one listing per partner (DIRECT for clicks without a partner). */
    @SuppressWarnings("unchecked")
    public List<SourceCount> sources(UUID listingId) {
        List<Object[]> rows = em.createNativeQuery("select coalesce(c.partner_id, i.partner_id), coalesce(c.clicks, 0),"
                        + " coalesce(i.impressions, 0) from"
                        + " (select partner_id, sum(clicks) clicks from listing_click where listing_id = :l group by partner_id) c"
                        + " full join (select partner_id, sum(impressions) impressions from listing_impression"
                        + " where listing_id = :l group by partner_id) i on i.partner_id = c.partner_id"
                        + " order by 2 desc, 3 desc, 1")
                .setParameter("l", listingId).getResultList();
        return rows.stream().map(r -> new SourceCount((UUID) r[0], num(r[1]), num(r[2]))).toList();
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public record FeedCount(String feed, long serves, long items) {
    }

    public record ListingCount(UUID listingId, long clicks, long impressions) {
    }

    public record SourceCount(UUID partnerId, long clicks, long impressions) {
    }
}
