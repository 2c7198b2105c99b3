package ca.pupitre.billing.service;

import ca.pupitre.billing.api.EngagementRequest;
import ca.pupitre.billing.api.EngagementView;
import ca.pupitre.billing.api.PricingRequest;
import ca.pupitre.billing.api.ReviewEligibilityView;
import ca.pupitre.billing.client.Invitation;
import ca.pupitre.billing.client.MatchingClient;
import ca.pupitre.billing.config.BillingConfig;
import ca.pupitre.billing.domain.Engagement;
import ca.pupitre.billing.domain.EngagementState;
import ca.pupitre.billing.domain.InvoiceKind;
import ca.pupitre.billing.domain.InvoiceState;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.Payment;
import ca.pupitre.billing.domain.PricingType;
import ca.pupitre.billing.domain.WorkUnit;
import ca.pupitre.billing.repository.AuditLog;
import ca.pupitre.billing.repository.EngagementRepository;
import ca.pupitre.billing.repository.InvoiceRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Engagements: created by the client from an invitation matching-service confirms as ACCEPTED. */
@ApplicationScoped
public class EngagementService {

    private final EngagementRepository engagements;
    private final InvoiceRepository invoices;
    private final MatchingClient matching;
    private final AuditLog audit;
    private final Clock clock;
    private final BillingConfig config;

    public EngagementService(EngagementRepository engagements, InvoiceRepository invoices, MatchingClient matching,
            AuditLog audit, Clock clock, BillingConfig config) {
        this.config = config;
        this.engagements = engagements;
        this.invoices = invoices;
        this.matching = matching;
        this.audit = audit;
        this.clock = clock;
    }

    /** Not transactional on purpose: the call to matching-service happens before any transaction opens. */
    public EngagementView create(Caller caller, EngagementRequest request) {
        UUID client = caller.requirePersonId();
        PricingRequest pricing = request.pricing();
        BigDecimal rate = switch (pricing.type()) {
            case FIXED -> Money.parsePositive("pricing.amount", pricing.amount());
            case HOURLY, PER_UNIT -> Money.parsePositive("pricing.rate", pricing.rate());
        };
        if (pricing.type() == PricingType.PER_UNIT && pricing.unit() == null) {
            throw ProblemException.unprocessable("UNIT_REQUIRED");
        }
        Invitation invitation = confirmedInvitation(request.invitationId());
        if (!client.equals(invitation.clientId())
                || (request.secretaryId() != null && !request.secretaryId().equals(invitation.secretaryId()))) {
            throw ProblemException.forbidden("INVITATION_NOT_YOURS");
        }
        // only the invitation's client learns that it already has an engagement
        if (engagements.count("invitationId", request.invitationId()) > 0) {
            throw ProblemException.conflict("ENGAGEMENT_EXISTS", request.invitationId());
        }
        if (!invitation.isAccepted()) {
            throw ProblemException.conflict("INVITATION_NOT_ACCEPTED", String.valueOf(invitation.state()));
        }
        WorkUnit unit = pricing.type() == PricingType.PER_UNIT ? pricing.unit() : null;
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Engagement e = new Engagement();
                e.id = UUID.randomUUID();
                e.invitationId = invitation.id() != null ? invitation.id() : request.invitationId();
                e.requestId = invitation.requestId();
                e.offerId = invitation.offerId();
                e.clientId = invitation.clientId();
                e.secretaryId = invitation.secretaryId();
                e.pricingType = pricing.type();
                e.unit = unit;
                e.rate = rate;
                e.currency = Money.CAD;
                e.terms = request.terms();
                e.state = EngagementState.ACTIVE;
                e.createdAt = clock.instant();
                e.referralCode = request.referralCode();
                engagements.persist(e);
                engagements.flush();
                audit.record(caller.subject(), "ENGAGEMENT_CREATED", "ENGAGEMENT", e.id, "invitation " + e.invitationId);
                return EngagementView.of(e);
            });
        } catch (PersistenceException duplicate) {
            throw ProblemException.conflict("ENGAGEMENT_EXISTS", request.invitationId());
        }
    }

    private Invitation confirmedInvitation(UUID invitationId) {
        try {
            return matching.invitation(invitationId)
                    .orElseThrow(() -> ProblemException.notFound("INVITATION_NOT_FOUND", invitationId));
        } catch (ProblemException e) {
            throw e;
        } catch (MatchingClient.InvitationForbiddenException e) {
            throw ProblemException.forbidden("INVITATION_NOT_YOURS");
        } catch (RuntimeException unreachable) {
            throw new ProblemException(503, "SERVICE_UNAVAILABLE", "matching").withHeader("Retry-After", "5");
        }
    }

    /** The engagement if the caller is one of its parties or an admin; 404 otherwise (existence is not leaked). */
    public Engagement visible(Caller caller, UUID id) {
        Engagement e = engagements.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("ENGAGEMENT_NOT_FOUND", id));
        if (caller.isAdmin() || (!caller.isService() && e.isParty(caller.requirePersonId()))) {
            return e;
        }
        throw ProblemException.notFound("ENGAGEMENT_NOT_FOUND", id);
    }

    public EngagementView get(Caller caller, UUID id) {
        return EngagementView.of(visible(caller, id));
    }

    public List<EngagementView> mine(Caller caller) {
        List<Engagement> found = caller.isAdmin()
                ? engagements.find("order by createdAt desc").page(0, 200).list()
                : engagements.find("clientId = ?1 or secretaryId = ?1 order by createdAt desc", caller.requirePersonId()).page(0, 200).list();
        return found.stream().map(EngagementView::of).toList();
    }

    @Transactional
    public EngagementView end(Caller caller, UUID id) {
        Engagement e = visible(caller, id);
        if (e.state != EngagementState.ACTIVE) {
            throw ProblemException.conflict("ENGAGEMENT_ENDED", id);
        }
        e.state = EngagementState.ENDED;
        e.endedAt = clock.instant();
        audit.record(caller.subject(), "ENGAGEMENT_ENDED", "ENGAGEMENT", e.id, null);
        return EngagementView.of(e);
    }

    /** For matching-service (SERVICE token) or the engagement's client: may she review the secretary? */
    public ReviewEligibilityView reviewEligibility(Caller caller, UUID id) {
        Engagement e = engagements.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("ENGAGEMENT_NOT_FOUND", id));
        boolean matching = caller.isService(config.reviewEligibilityReader());
        if (!matching && !caller.isAdmin() && (caller.isService() || !e.clientId.equals(caller.requirePersonId()))) {
            throw ProblemException.notFound("ENGAGEMENT_NOT_FOUND", id);
        }
        // A paid invoice counts only if no payment on it rests on the secretary's word alone: a payment she
        // recorded herself needs the client's confirmation (a provider webhook or an admin's record counts as is).
        boolean paid = invoices.count("from Invoice i where i.engagementId = ?1 and i.kind = ?2 and i.state = ?3 and not exists"
                + " (select p.id from Payment p where p.invoiceId = i.id and p.source = ?4 and p.recordedBy = ?5"
                + " and p.confirmedByClientAt is null)",
                id, InvoiceKind.INVOICE, InvoiceState.PAID, Payment.Source.MANUAL, e.secretaryId.toString()) > 0;
        return new ReviewEligibilityView(e.id, e.clientId, e.secretaryId, paid);
    }
}
