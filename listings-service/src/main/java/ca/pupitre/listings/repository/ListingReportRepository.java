package ca.pupitre.listings.repository;

import ca.pupitre.listings.domain.ListingReport;
import ca.pupitre.listings.domain.ReportReason;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ListingReportRepository implements PanacheRepositoryBase<ListingReport, UUID> {

    public boolean exists(UUID listingId, String reporter) {
        return count("listingId = ?1 and reporter = ?2", listingId, reporter) > 0;
    }

    /** Distinct reporters of open reports that count toward hiding. */
    public long openHidingReports(UUID listingId) {
        return count("listingId = ?1 and resolvedAt is null and countsTowardHiding = true and reason in ?2", listingId,
                List.of(ReportReason.SPAM, ReportReason.SCAM, ReportReason.MISCATEGORIZED));
    }

    /** Reports one reporter filed since {@code since}. */
    public long filedSince(String reporter, Instant since) {
        return count("reporter = ?1 and createdAt >= ?2", reporter, since);
    }

    public List<ListingReport> openQuestions(UUID listingId) {
        return list("listingId = ?1 and resolvedAt is null and reason = ?2 order by createdAt", listingId,
                ReportReason.NO_LONGER_RELEVANT);
    }

    public void resolveQuestions(UUID listingId, Instant now) {
        update("resolvedAt = ?1 where listingId = ?2 and resolvedAt is null and reason = ?3", now, listingId,
                ReportReason.NO_LONGER_RELEVANT);
    }

    public void resolveHidingReports(UUID listingId, Instant now) {
        update("resolvedAt = ?1 where listingId = ?2 and resolvedAt is null and reason in ?3", now, listingId,
                List.of(ReportReason.SPAM, ReportReason.SCAM, ReportReason.MISCATEGORIZED));
    }

    /** A listing with reports waiting for a moderator: how many, and when the last came. */
    public record OpenReports(UUID listingId, long reports, Instant lastReportedAt) {
    }

    private static final List<ReportReason> HIDING_REASONS = List.of(ReportReason.SPAM, ReportReason.SCAM,
            ReportReason.MISCATEGORIZED);

    /** The moderation queue: listings with open SPAM/SCAM/MISCATEGORIZED reports, most reported first. */
    public List<OpenReports> moderationQueue(int limit) {
        List<Object[]> rows = getEntityManager().createQuery("select r.listingId, count(r), max(r.createdAt)"
                        + " from ListingReport r where r.resolvedAt is null and r.reason in :reasons"
                        + " group by r.listingId order by count(r) desc, max(r.createdAt) desc", Object[].class)
                .setParameter("reasons", HIDING_REASONS).setMaxResults(limit).getResultList();
        return rows.stream().map(row -> new OpenReports((UUID) row[0], (Long) row[1], (Instant) row[2])).toList();
    }

    /** The open hiding reports of these listings, oldest first. */
    public List<ListingReport> openHidingReportsOf(Collection<UUID> listingIds) {
        return listingIds.isEmpty() ? List.of()
                : list("listingId in ?1 and resolvedAt is null and reason in ?2 order by createdAt", listingIds, HIDING_REASONS);
    }

    /** Reports one person filed, oldest first (her export). */
    public List<ListingReport> filedBy(String reporter) {
        return list("reporter = ?1 order by createdAt", reporter);
    }

    /** Her words leave with her account; the report (reason, listing, time) stays for moderation. */
    public void eraseCommentsOf(String reporter) {
        update("comment = null where reporter = ?1 and comment is not null", reporter);
    }
}
