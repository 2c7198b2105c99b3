package ca.pupitre.matching.service;

import ca.pupitre.matching.client.BillingClient;
import ca.pupitre.matching.client.Eligibility;
import ca.pupitre.matching.domain.Review;
import ca.pupitre.matching.domain.ReviewReport;
import ca.pupitre.matching.repository.ReviewReportRepository;
import ca.pupitre.matching.repository.ReviewRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Verified reviews: billing-service must confirm, at write time, that the engagement is the caller's and has a
 * paid invoice. When billing cannot answer the review is refused (503), never stored unverified.
 */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final ReviewRepository reviews;
    private final ReviewReportRepository reports;
    private final BillingClient billing;
    private final Clock clock;

    public ReviewService(ReviewRepository reviews, ReviewReportRepository reports, BillingClient billing, Clock clock) {
        this.reviews = reviews;
        this.reports = reports;
        this.billing = billing;
        this.clock = clock;
    }

    /** Not transactional itself: billing is asked outside any database transaction. */
    public Review create(Caller caller, UUID engagementId, int stars, String body) {
        // whether a review exists is told only to the engagement's client (checked below, in the transaction)
        Optional<Eligibility> eligibility;
        try {
            eligibility = billing.reviewEligibility(engagementId);
        } catch (RuntimeException unavailable) {
            LOG.warnf("Billing could not confirm engagement %s (%s); review refused", engagementId, unavailable.toString());
            throw new ProblemException(503, "BILLING_UNAVAILABLE").withHeader("Retry-After", "30");
        }
        Eligibility e = eligibility.orElseThrow(() -> ProblemException.unprocessable("ENGAGEMENT_NOT_FOUND"));
        if (!caller.isPerson(e.clientId(), Roles.CLIENT)) {
            throw ProblemException.forbidden("NOT_ENGAGEMENT_CLIENT");
        }
        if (!e.hasPaidInvoice()) {
            throw ProblemException.unprocessable("NO_PAID_INVOICE");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (reviews.existsForEngagement(engagementId)) {
                throw ProblemException.conflict("REVIEW_ALREADY_EXISTS");
            }
            Review review = new Review();
            review.id = UUID.randomUUID();
            review.engagementId = engagementId;
            review.clientId = e.clientId();
            review.secretaryId = e.secretaryId();
            review.stars = (short) stars;
            review.body = body.strip();
            review.createdAt = clock.instant();
            reviews.persist(review);
            return review;
        });
    }

    @Transactional
    public List<Review> visibleFor(UUID secretaryId) {
        return reviews.visibleFor(secretaryId);
    }

    /** The reviewed secretary's one public answer. */
    @Transactional
    public Review answer(Caller caller, UUID reviewId, String text) {
        Review review = visible(reviewId);
        if (!caller.isPerson(review.secretaryId, Roles.SECRETARY)) {
            throw ProblemException.forbidden("NOT_REVIEWED_SECRETARY");
        }
        if (review.answer != null) {
            throw ProblemException.conflict("ANSWER_ALREADY_EXISTS");
        }
        review.answer = text.strip();
        review.answeredAt = clock.instant();
        return review;
    }

    /** A report, once per person; the count guides moderators. */
    @Transactional
    public Review report(Caller caller, UUID reviewId, String reason) {
        Review review = visible(reviewId);
        ReviewReport.Key key = new ReviewReport.Key(reviewId, caller.personId());
        if (reports.findByIdOptional(key).isEmpty()) {
            ReviewReport report = new ReviewReport();
            report.key = key;
            report.reason = reason == null || reason.isBlank() ? null : reason.strip();
            report.createdAt = clock.instant();
            reports.persist(report);
            review.reportCount++;
        }
        return review;
    }

    /** An admin hides (with a reason) or shows a review; hidden reviews leave the public list and reputation. */
    @Transactional
    public Review moderate(UUID reviewId, boolean hide, String reason) {
        Review review = reviews.findByIdOptional(reviewId).orElseThrow(() -> ProblemException.notFound("REVIEW_NOT_FOUND"));
        review.hidden = hide;
        review.hiddenReason = hide ? reason : null;
        return review;
    }

    private Review visible(UUID reviewId) {
        Review review = reviews.findById(reviewId);
        if (review == null || review.hidden) {
            throw ProblemException.notFound("REVIEW_NOT_FOUND");
        }
        return review;
    }
}
