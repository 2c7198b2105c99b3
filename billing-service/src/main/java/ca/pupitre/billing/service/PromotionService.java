package ca.pupitre.billing.service;

import ca.pupitre.billing.api.PromotionRequest;
import ca.pupitre.billing.api.PromotionView;
import ca.pupitre.billing.client.ListingsClient;
import ca.pupitre.billing.config.BillingConfig;
import ca.pupitre.billing.domain.BillingProfile;
import ca.pupitre.billing.domain.Invoice;
import ca.pupitre.billing.domain.InvoicePaid;
import ca.pupitre.billing.domain.Promotion;
import ca.pupitre.billing.repository.BillingProfileRepository;
import ca.pupitre.billing.repository.Outbox;
import ca.pupitre.billing.repository.PromotionRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "À la une": Pupitre invoices the secretary (Pupitre as supplier, its own tax numbers); when that
 * invoice is paid, the featured period is fixed and an outbox message asks listings-service to
 * show the offer until then. The message is written in the paying transaction, once per promotion.
 */
@ApplicationScoped
public class PromotionService {

    public static final String LISTING_FEATURED = "LISTING_FEATURED";

    private final PromotionRepository promotions;
    private final BillingProfileRepository profiles;
    private final InvoiceIssuing issuing;
    private final InvoiceViews invoiceViews;
    private final InvoiceAccess access;
    private final Outbox outbox;
    private final BillingConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ListingsClient listingsClient;

    public PromotionService(PromotionRepository promotions, BillingProfileRepository profiles, InvoiceIssuing issuing,
            InvoiceViews invoiceViews, InvoiceAccess access, Outbox outbox, BillingConfig config, ObjectMapper json, Clock clock,
            ListingsClient listingsClient) {
        this.listingsClient = listingsClient;
        this.promotions = promotions;
        this.profiles = profiles;
        this.issuing = issuing;
        this.invoiceViews = invoiceViews;
        this.access = access;
        this.outbox = outbox;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public PromotionView buy(Caller caller, PromotionRequest request) {
        UUID secretary = caller.requirePersonId();
        requireOwnOffer(secretary, request.listingId());
        BigDecimal price = switch (request.days()) {
            case 7 -> config.promotion().price7Days();
            case 30 -> config.promotion().price30Days();
            default -> throw ProblemException.unprocessable("INVALID_PROMOTION_DAYS", request.days());
        };
        BillingConfig.Platform platform = config.platform();
        String gst = platform.gstNumber().filter(s -> !s.isBlank()).orElse(null);
        String qst = platform.qstNumber().filter(s -> !s.isBlank()).orElse(null);
        if (gst == null || qst == null) {
            throw new ProblemException(503, "PROMOTION_NOT_CONFIGURED");
        }
        BillingProfile buyer = profiles.findByIdOptional(secretary)
                .orElseThrow(() -> ProblemException.conflict("BUYER_PROFILE_REQUIRED"));
        String description = "À la une / Featured — " + request.days() + " jours / days — " + request.listingId();
        Invoice invoice = issuing.issueDirect(caller,
                new InvoiceIssuing.SupplierIdentity(platform.issuerId(), platform.legalName(), platform.address(), gst, qst),
                buyer, description, price.setScale(2));
        Promotion promotion = new Promotion();
        promotion.id = UUID.randomUUID();
        promotion.listingId = request.listingId();
        promotion.secretaryId = secretary;
        promotion.days = request.days();
        promotion.invoiceId = invoice.id;
        promotion.state = Promotion.State.AWAITING_PAYMENT;
        promotion.createdAt = clock.instant();
        promotions.persist(promotion);
        return view(promotion);
    }

    /** Only the secretary who owns an offer may promote it (asked of listings with her own token). */
    private void requireOwnOffer(UUID secretary, UUID listingId) {
        ListingsClient.OwnedListing listing;
        try {
            listing = listingsClient.listing(listingId).orElseThrow(() -> ProblemException.notFound("LISTING_NOT_FOUND"));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException unreachable) {
            throw new ProblemException(503, "LISTINGS_UNAVAILABLE");
        }
        if (!"OFFER".equals(listing.kind()) || !secretary.equals(listing.ownerId())) {
            throw ProblemException.forbidden("NOT_YOUR_OFFER");
        }
    }

    /** Same transaction as the payment: fixes the featured period and queues the call to listings. */
    void onInvoicePaid(@Observes InvoicePaid event) {
        Promotion promotion = promotions.find("invoiceId", event.invoiceId()).firstResult();
        if (promotion == null || promotion.state != Promotion.State.AWAITING_PAYMENT) {
            return;
        }
        Instant now = clock.instant();
        Instant current = promotions.find("listingId = ?1 and state = ?2 and featuredUntil > ?3 order by featuredUntil desc",
                promotion.listingId, Promotion.State.PAID, now).firstResultOptional().map(p -> p.featuredUntil).orElse(now);
        promotion.state = Promotion.State.PAID;
        promotion.paidAt = now;
        promotion.featuredUntil = current.plus(Duration.ofDays(promotion.days)).truncatedTo(ChronoUnit.SECONDS);
        try {
            outbox.add(LISTING_FEATURED, promotion.id, json.writeValueAsString(Map.of(
                    "listingId", promotion.listingId.toString(), "featuredUntil", promotion.featuredUntil.toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public PromotionView get(Caller caller, UUID id) {
        Promotion promotion = promotions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("PROMOTION_NOT_FOUND", id));
        if (!caller.isAdmin() && !promotion.secretaryId.equals(caller.requirePersonId())) {
            throw ProblemException.notFound("PROMOTION_NOT_FOUND", id);
        }
        return view(promotion);
    }

    @Transactional
    public List<PromotionView> mine(Caller caller) {
        return promotions.list("secretaryId = ?1 order by createdAt desc", caller.requirePersonId()).stream().map(this::view).toList();
    }

    private PromotionView view(Promotion p) {
        return new PromotionView(p.id, p.listingId, p.secretaryId, p.days, p.state.name(), p.featuredUntil, p.createdAt, p.paidAt,
                invoiceViews.view(access.visibleToAdmin(p.invoiceId)));
    }
}
