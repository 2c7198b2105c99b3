package ca.pupitre.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The gateway's public JSON API as the web app uses it: the same paths and shapes as mobile apps and
 * partners (see {@code /api/v1/openapi}); no side door. Each method names the operation it calls.
 * Failures arrive as {@link ApiProblem} (problem+json), an unreachable gateway as a
 * {@link jakarta.ws.rs.ProcessingException}.
 */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(ApiProblem.Mapper.class)
@RegisterClientHeaders(ApiHeaders.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PupitreApi {

    String AUTHORIZATION = "Authorization";

    // ---- listings (listings-service through the gateway)

    /** {@code GET /api/v1/listings}: search. */
    @GET
    @Path("listings")
    SearchPage searchListings(@QueryParam("q") String q, @QueryParam("kind") String kind,
            @QueryParam("skill") List<String> skills, @QueryParam("language") List<String> languages,
            @QueryParam("region") String region, @QueryParam("remote") Boolean remote, @QueryParam("unit") String unit,
            @QueryParam("minRate") String minRate, @QueryParam("maxRate") String maxRate, @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit, @QueryParam("owner") UUID owner);

    /** {@code GET /api/v1/listings/suggest}: type-ahead. */
    @GET
    @Path("listings/suggest")
    Suggestions suggestListingTerms(@QueryParam("q") String q, @QueryParam("lang") String lang);

    /** {@code GET /api/v1/listings/{id}}: one listing as this caller may see it. */
    @GET
    @Path("listings/{id}")
    Listing getListing(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code GET /api/v1/listings/mine}: the caller's listings, drafts included. */
    @GET
    @Path("listings/mine")
    ListingPage myListings(@HeaderParam(AUTHORIZATION) String bearer, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    /** {@code POST /api/v1/listings}: a draft. */
    @POST
    @Path("listings")
    Listing createListing(ListingDraft draft, @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code PUT /api/v1/listings/{id}}: the owner replaces its content; {@code If-Match} names the version read. */
    @PUT
    @Path("listings/{id}")
    Listing replaceListing(@PathParam("id") UUID id, ListingDraft draft, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code POST /api/v1/listings/{id}/publish}. */
    @POST
    @Path("listings/{id}/publish")
    Listing publishListing(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code POST /api/v1/listings/{id}/close}: the owner closes it (FILLED or WITHDRAWN). */
    @POST
    @Path("listings/{id}/close")
    Listing closeListing(@PathParam("id") UUID id, Closing closing, @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code POST /api/v1/listings/{id}/renew}: another lifetime for a published or expired listing. */
    @POST
    @Path("listings/{id}/renew")
    Listing renewListing(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code POST /api/v1/listings/{id}/reports}: anyone signed in flags a listing. */
    @POST
    @Path("listings/{id}/reports")
    void reportListing(@PathParam("id") UUID id, ReportDraft report, @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code GET /api/v1/listings/reported}: the moderation queue (admins). */
    @GET
    @Path("listings/reported")
    List<ReportedListing> listReportedListings(@HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("listings/{id}/hide")
    Listing hideListing(@PathParam("id") UUID id, HideReason reason, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("listings/{id}/unhide")
    Listing unhideListing(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code GET /api/v1/skills}: the taxonomy. */
    @GET
    @Path("skills")
    List<Skill> listSkills();

    // ---- matching (matching-service)

    /** {@code GET /api/v1/matches?requestId=}: offers ranked for a client's request, with their reasons. */
    @GET
    @Path("matches")
    Matches matchesForRequest(@QueryParam("requestId") UUID requestId, @QueryParam("limit") Integer limit,
            @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code GET /api/v1/matches?offerId=}: open requests ranked for a secretary's offer. */
    @GET
    @Path("matches")
    Matches matchesForOffer(@QueryParam("offerId") UUID offerId, @QueryParam("limit") Integer limit,
            @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("invitations")
    Invitation invite(InvitationDraft draft, @HeaderParam(AUTHORIZATION) String bearer);

    /** The caller's invitations: sent by a client, received by a secretary. */
    @GET
    @Path("invitations")
    Invitations myInvitations(@HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("invitations/{id}")
    Invitation getInvitation(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("invitations/{id}/accept")
    Invitation acceptInvitation(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("invitations/{id}/decline")
    Invitation declineInvitation(@PathParam("id") UUID id, DeclineNote note, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("invitations/{id}/withdraw")
    Invitation withdrawInvitation(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("invitations/{id}/messages")
    Messages listInvitationMessages(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("invitations/{id}/messages")
    Message postInvitationMessage(@PathParam("id") UUID id, MessageBody body, @HeaderParam(AUTHORIZATION) String bearer);

    // ---- billing (billing-service)

    @GET
    @Path("billing/profile")
    BillingProfile getBillingProfile(@HeaderParam(AUTHORIZATION) String bearer);

    @PUT
    @Path("billing/profile")
    BillingProfile putBillingProfile(BillingProfile profile, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("engagements")
    Engagement startEngagement(EngagementDraft draft, @HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("engagements")
    List<Engagement> myEngagements(@HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("engagements/{id}")
    Engagement getEngagement(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("engagements/{id}/time-entries")
    TimeEntry logTime(@PathParam("id") UUID id, TimeDraft entry, @HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("engagements/{id}/time-entries")
    List<TimeEntry> timeEntries(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("engagements/{id}/weeks/{monday}/approve")
    List<TimeEntry> approveWeek(@PathParam("id") UUID id, @PathParam("monday") LocalDate monday,
            @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("engagements/{id}/weeks/{monday}/dispute")
    List<TimeEntry> disputeWeek(@PathParam("id") UUID id, @PathParam("monday") LocalDate monday, Dispute dispute,
            @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("invoices")
    Invoice draftInvoice(InvoiceDraft draft, @HeaderParam("Idempotency-Key") String key,
            @HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("invoices")
    List<Invoice> myInvoices(@HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("invoices/{id}")
    Invoice getInvoice(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    /** The issued invoice as a PDF, in {@code lang}; streamed to the browser as it comes. */
    @GET
    @Path("invoices/{id}")
    @Produces("application/pdf")
    Response invoicePdf(@PathParam("id") UUID id, @QueryParam("lang") String lang,
            @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("invoices/{id}/issue")
    Invoice issueInvoice(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key,
            @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("invoices/{id}/payments")
    Payment recordPayment(@PathParam("id") UUID id, PaymentDraft payment, @HeaderParam("Idempotency-Key") String key,
            @HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("invoices/{id}/payments")
    List<Payment> listPayments(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    /** The client confirms a payment the secretary recorded (it then counts for her review). */
    @POST
    @Path("invoices/{id}/payments/{paymentId}/confirmation")
    Payment confirmPayment(@PathParam("id") UUID id, @PathParam("paymentId") UUID paymentId,
            @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code POST /api/v1/invoices/{id}/credit-notes}: a correction of an issued invoice (its own number). */
    @POST
    @Path("invoices/{id}/credit-notes")
    Invoice creditNote(@PathParam("id") UUID id, CreditNoteDraft creditNote, @HeaderParam("Idempotency-Key") String key,
            @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code POST /api/v1/promotions}: "À la une" for an offer; answers with Pupitre's issued invoice. */
    @POST
    @Path("promotions")
    Promotion buyPromotion(PromotionDraft promotion, @HeaderParam("Idempotency-Key") String key,
            @HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("promotions")
    List<Promotion> myPromotions(@HeaderParam(AUTHORIZATION) String bearer);

    /** {@code GET /api/v1/billing/reports/revenue?year=}: a secretary's twelve months. */
    @GET
    @Path("billing/reports/revenue")
    Revenue revenueReport(@QueryParam("year") Integer year, @HeaderParam(AUTHORIZATION) String bearer);

    /** {@code GET /api/v1/billing/reports/taxes?from=&to=}: GST/HST and QST to remit for a period. */
    @GET
    @Path("billing/reports/taxes")
    TaxReport taxReport(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("billing/reports/receivables")
    Receivables receivables(@HeaderParam(AUTHORIZATION) String bearer);

    /** {@code GET /api/v1/billing/reports/invoices.csv}: streamed to the browser as it comes. */
    @GET
    @Path("billing/reports/invoices.csv")
    @Produces("text/csv")
    Response invoicesCsv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("reviews")
    void postReview(ReviewDraft review, @HeaderParam(AUTHORIZATION) String bearer);

    // ---- alerts (matching-service): saved searches e-mailed when something new matches

    @GET
    @Path("alerts")
    Alerts myAlerts(@HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("alerts")
    Alert createAlert(AlertDraft alert, @HeaderParam(AUTHORIZATION) String bearer);

    @DELETE
    @Path("alerts/{id}")
    void deleteAlert(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    // ---- the account (gateway)

    @POST
    @Path("me/password")
    void changePassword(PasswordChange change, @HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("me/sessions")
    Sessions mySessions(@HeaderParam(AUTHORIZATION) String bearer);

    @DELETE
    @Path("me/sessions/{id}")
    void endSession(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    /** Law 25: closing one's account, with the password again. */
    @DELETE
    @Path("me")
    void closeAccount(Closure closure, @HeaderParam(AUTHORIZATION) String bearer);

    /** Law 25: everything Pupitre holds about the person, one JSON document, streamed to her browser. */
    @GET
    @Path("me/export")
    Response exportMyData(@HeaderParam(AUTHORIZATION) String bearer);

    /** A secretary stops a client from inviting her (his pending invitations are declined). */
    @POST
    @Path("blocks")
    void blockClient(Block block, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("reviews/{id}/answer")
    void answerReview(@PathParam("id") UUID id, ReviewAnswer answer, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("reviews/{id}/hide")
    void hideReview(@PathParam("id") UUID id, ReviewHiding reason, @HeaderParam(AUTHORIZATION) String bearer);

    // ---- partners (the gateway; admins)

    @GET
    @Path("partners")
    List<Partner> listPartners(@HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("partners")
    PartnerKey createPartner(PartnerDraft partner, @HeaderParam(AUTHORIZATION) String bearer);

    @GET
    @Path("partners/{id}")
    Partner getPartner(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    /** A new key, shown once; the partner's current keys keep working for the grace period. */
    @POST
    @Path("partners/{id}/keys/rotate")
    PartnerKey rotatePartnerKey(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("partners/{id}/keys/{prefix}/revoke")
    void revokePartnerKey(@PathParam("id") UUID id, @PathParam("prefix") String prefix,
            @HeaderParam(AUTHORIZATION) String bearer);

    /** Feed serves, impressions and clicks attributed to the partner (listings-service, through the gateway). */
    @GET
    @Path("partners/{id}/stats")
    PartnerStats partnerStats(@PathParam("id") UUID id, @HeaderParam(AUTHORIZATION) String bearer);

    // ---- reviews (matching-service)

    /** {@code GET /api/v1/reviews?secretaryId=}: a secretary's visible reviews. */
    @GET
    @Path("reviews")
    Reviews listReviews(@QueryParam("secretaryId") UUID secretaryId);

    // ---- accounts (the gateway itself)

    @POST
    @Path("auth/register")
    Account register(Registration registration);

    @POST
    @Path("auth/token")
    Tokens signIn(Credentials credentials);

    @POST
    @Path("auth/refresh")
    Tokens refresh(RefreshToken token);

    @POST
    @Path("auth/logout")
    void signOut(RefreshToken token);

    @POST
    @Path("auth/verify-email")
    void verifyEmail(EmailToken token);

    @POST
    @Path("auth/password-reset")
    void requestPasswordReset(EmailAddress email);

    @POST
    @Path("auth/password-reset/confirm")
    void confirmPasswordReset(PasswordResetConfirmation confirmation);

    @GET
    @Path("me")
    Account me(@HeaderParam(AUTHORIZATION) String bearer);

    @POST
    @Path("me/verification-email")
    void resendVerificationEmail(@HeaderParam(AUTHORIZATION) String bearer);

    // ---- shapes (only the fields the pages use; unknown fields are ignored so the API can grow)

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Localized(String fr, String en) {
        /** The text in {@code lang}, or the other language's when this one is missing. */
        public String in(String lang) {
            String wanted = "en".equals(lang) ? en : fr;
            return wanted != null && !wanted.isBlank() ? wanted : ("en".equals(lang) ? fr : en);
        }

        /**
         * The language of the text {@link #in} shows, as an HTML {@code lang} value: the page's own, or the
         * other one when the listing was written only in that one (screen readers then pronounce it right).
         */
        public String langIn(String lang) {
            boolean en = "en".equals(lang);
            String wanted = en ? this.en : fr;
            boolean shown = wanted != null && !wanted.isBlank();
            return (en == shown) ? "en-CA" : "fr-CA";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Pricing(String unit, String amount, String currency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Listing(UUID id, String kind, String status, Localized title, Localized description, Localized descriptionHtml,
            List<String> skills, List<String> languages, Pricing pricing, Integer hoursPerWeek, String turnaround,
            boolean remote, String region, LocalDate startDate, String publicName, boolean anonymous, UUID ownerId,
            Instant createdAt, Instant publishedAt, Instant expiresAt, boolean promoted, String closedReason,
            String hiddenReason, long version, String confidentiality) {
        /** The entity tag a replacement names in {@code If-Match}. */
        public String etag() {
            return "\"" + version + "\"";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SearchPage(List<Listing> items, String nextCursor, long total, Facets facets, String didYouMean) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Facets(Map<String, Long> skills, Map<String, Long> languages, Map<String, Long> regions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListingPage(List<Listing> items, String nextCursor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListingDraft(Localized title, Localized description, List<String> skills, List<String> languages,
            PricingDraft pricing, String turnaround, Boolean remote, String region, String publicName,
            Integer hoursPerWeek, LocalDate startDate, String confidentiality, Boolean anonymous) {
    }

    record PricingDraft(String unit, String amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Suggestions(List<String> items) {
    }

    record Closing(String reason) {
    }

    record ReportDraft(String reason, String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record AlertDraft(String name, String q, List<String> skills, List<String> languages, String region, Boolean remoteOnly,
            String frequency, String language) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Alert(UUID id, String name, String q, List<String> skills, List<String> languages, String region,
            boolean remoteOnly, String frequency, String language, Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Alerts(List<Alert> items) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record Closure(String password) {
    }

    record Block(UUID clientId) {
    }

    record ReviewAnswer(String text) {
    }

    /** Why a moderator hides a review (required by the API, kept with the review). */
    record ReviewHiding(String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(UUID id, String device, Instant createdAt, Instant lastUsedAt, boolean current) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Sessions(List<Session> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BillingProfile(String legalName, String address, String province, Boolean smallSupplier, String gstNumber,
            String qstNumber, String paymentInstructions, String email) {
    }

    record EngagementDraft(UUID invitationId, EngagementPricing pricing, String terms) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EngagementPricing(String type, String unit, String rate, String amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Engagement(UUID id, UUID invitationId, UUID requestId, UUID offerId, UUID clientId, UUID secretaryId,
            EngagementPricing pricing, String terms, String state, Instant createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimeDraft(LocalDate date, Integer minutes, String description, String units) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TimeEntry(UUID id, LocalDate date, int minutes, String units, String description, String state, UUID invoiceId) {
    }

    record Dispute(String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record InvoiceDraft(UUID engagementId, List<Milestone> milestones) {
    }

    /** A fixed-price line of an invoice (a milestone or an extra), before taxes. */
    record Milestone(String description, String amount) {
    }

    record CreditNoteDraft(String amount, String reason) {
    }

    record PromotionDraft(UUID listingId, Integer days) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Promotion(UUID id, UUID listingId, int days, String state, Instant featuredUntil, Instant createdAt,
            Instant paidAt, Invoice invoice) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Revenue(int year, List<RevenueMonth> months, String netTotal) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RevenueMonth(String month, String invoiced, String credited, String net, String taxes, String received) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaxReport(LocalDate from, LocalDate to, String taxableSupplies, List<TaxLine> lines) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TaxLine(String code, String collected, String credited, String net) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Receivables(LocalDate asOf, String totalDue, String totalOverdue, List<OpenInvoice> unpaid, List<OpenInvoice> overdue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OpenInvoice(UUID id, String number, String clientName, LocalDate issueDate, LocalDate dueDate, String total,
            String balance, String state, long daysOverdue) {
    }

    record PartnerDraft(String name, String contactEmail, List<String> feeds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Partner(UUID id, String name, String contactEmail, List<String> feeds, Instant createdAt, List<PartnerKeyState> keys) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerKeyState(String prefix, String status, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A key as issued (registration or rotation): the only time it is ever shown. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerKey(UUID id, UUID partnerId, String apiKey, String keyPrefix, Instant previousKeysValidUntil) {
        public UUID partner() {
            return partnerId != null ? partnerId : id;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerStats(long serves, long impressions, long clicks, List<FeedServes> byFeed, List<ListingClicks> topListings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FeedServes(String feed, long serves, long impressions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ListingClicks(UUID listingId, long clicks, long impressions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invoice(UUID id, String kind, String number, String state, UUID engagementId, UUID issuerId, UUID clientId,
            LocalDate issueDate, LocalDate dueDate, InvoiceParty supplier, InvoiceParty client, List<InvoiceLine> lines,
            String subtotal, List<InvoiceTax> taxes, String taxTotal, String total, String paidTotal, String balance,
            String creditedTotal, UUID creditedInvoiceId, String reason, List<RelatedInvoice> creditNotes) {
        public boolean isCreditNote() {
            return creditedInvoiceId != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RelatedInvoice(UUID id, String number, String total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InvoiceParty(String name, String address, String gstNumber, String qstNumber, String province) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InvoiceLine(String description, String quantity, String unit, String unitPrice, String amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InvoiceTax(String code, String rate, String amount) {
    }

    record PaymentDraft(String amount, String method, String reference, LocalDate receivedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(UUID id, String amount, String method, String reference, LocalDate receivedOn, String source,
            String invoiceState, String invoiceBalance, Instant confirmedByClientAt) {
    }

    record ReviewDraft(UUID engagementId, int stars, String text) {
    }

    record HideReason(String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReportedListing(Listing listing, long openReports, Instant lastReportedAt, List<Report> reports) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Report(String reason, String comment, Instant createdAt) {
    }

    /** A ranked offer (for a request) or request (for an offer) with the reasons of its rank. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Match(UUID offerId, UUID requestId, UUID secretaryId, UUID clientId, boolean newcomer, List<Reason> reasons) {
        /** The listing this match proposes. */
        public UUID listingId() {
            return offerId != null ? offerId : requestId;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reason(String factor, double weight, double value, String text) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Matches(List<Match> items) {
    }

    record InvitationDraft(UUID requestId, UUID offerId, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invitation(UUID id, UUID requestId, UUID offerId, UUID clientId, UUID secretaryId, String state, String message,
            Instant createdAt, Instant answeredAt, String declineReason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Invitations(List<Invitation> items) {
    }

    record DeclineNote(String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(UUID id, UUID authorId, String authorRole, String body, Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Messages(List<Message> items) {
    }

    record MessageBody(String body) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Skill(String code, String category, Localized label) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reviews(UUID secretaryId, int count, Double average, List<Review> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Review(UUID id, String author, int stars, String text, Instant createdAt, String answer, Instant answeredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Account(UUID id, String email, String displayName, String role, String locale, boolean emailVerified) {
    }

    record Registration(String email, String password, String displayName, String role, String locale) {
    }

    record Credentials(String email, String password) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tokens(@JsonProperty("access_token") String accessToken, @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("expires_in") long expiresIn) {
    }

    record RefreshToken(@JsonProperty("refresh_token") String refreshToken) {
    }

    record EmailToken(String token) {
    }

    record EmailAddress(String email) {
    }

    record PasswordResetConfirmation(String token, String newPassword) {
    }
}
