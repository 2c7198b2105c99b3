package ca.pupitre.listings.service;

import ca.pupitre.listings.api.CloseRequest;
import ca.pupitre.listings.api.ExpiringListing;
import ca.pupitre.listings.api.FeaturedRequest;
import ca.pupitre.listings.api.HideRequest;
import ca.pupitre.listings.api.HistoryEntry;
import ca.pupitre.listings.api.ListingPage;
import ca.pupitre.listings.api.ListingRequest;
import ca.pupitre.listings.api.ListingView;
import ca.pupitre.listings.api.LocalizedText;
import ca.pupitre.listings.api.PendingQuestion;
import ca.pupitre.listings.api.ReportRequest;
import ca.pupitre.listings.api.ReportView;
import ca.pupitre.listings.config.ListingsConfig;
import ca.pupitre.listings.domain.CloseReason;
import ca.pupitre.listings.domain.IllegalTransitionException;
import ca.pupitre.listings.domain.Listing;
import ca.pupitre.listings.domain.ListingEvent;
import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.ListingReport;
import ca.pupitre.listings.domain.ListingStatus;
import ca.pupitre.listings.domain.Transition;
import ca.pupitre.listings.repository.ListingChangeRepository;
import ca.pupitre.listings.repository.ListingEventRepository;
import ca.pupitre.listings.repository.ListingReportRepository;
import ca.pupitre.listings.repository.ListingRepository;
import ca.pupitre.listings.search.ListingIndex;
import ca.pupitre.platform.http.EntityTags;
import ca.pupitre.platform.metrics.BusinessEvents;
import ca.pupitre.platform.problem.FieldProblem;
import ca.pupitre.platform.problem.ProblemCatalog;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Listing use cases: create, read, replace (If-Match), lifecycle, moderation, reports, promotion.
 * Every write ends with one row in the change feed (same transaction, last statement) and every state
 * change with one history event.
 */
@ApplicationScoped
public class ListingService {

    public static final String SYSTEM_ACTOR = "system";
    public static final String UPSERT = "UPSERT";
    public static final String TOMBSTONE = "TOMBSTONE";
    static final int HIDE_REASON_MAX = 500;
    static final int COMMENT_MAX = 1000;

    private final ListingRepository listings;
    private final ListingEventRepository events;
    private final ListingReportRepository reports;
    private final ListingChangeRepository changes;
    private final ListingValidator validator;
    private final SkillTaxonomy taxonomy;
    private final ListingViews views;
    private final ListingsConfig config;
    private final Clock clock;
    private final Event<ListingIndex.ListingsChanged> changed;
    private final BusinessEvents business;

    public ListingService(ListingRepository listings, ListingEventRepository events, ListingReportRepository reports,
            ListingChangeRepository changes, ListingValidator validator, SkillTaxonomy taxonomy, ListingViews views,
            ListingsConfig config, Clock clock, Event<ListingIndex.ListingsChanged> changed,
            BusinessEvents business) {
        this.changed = changed;
        this.business = business;
        this.listings = listings;
        this.events = events;
        this.reports = reports;
        this.changes = changes;
        this.validator = validator;
        this.taxonomy = taxonomy;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    /** Current instant at database precision (microseconds), so keyset cursors round-trip exactly. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional
    public ListingView create(Caller caller, ListingRequest body, Locale locale) {
        ListingKind kind = caller.is(Roles.SECRETARY) ? ListingKind.OFFER
                : caller.is(Roles.CLIENT) ? ListingKind.REQUEST : null;
        UUID owner = caller.personId();
        if (kind == null || owner == null) {
            throw ProblemException.forbidden("KIND_NOT_ALLOWED");
        }
        ListingValidator.ValidListing valid = validator.validate(body, kind, locale);
        Instant now = now();
        Listing listing = new Listing();
        listing.id = UUID.randomUUID();
        listing.kind = kind;
        listing.ownerId = owner;
        listing.status = ListingStatus.DRAFT;
        listing.currency = "CAD";
        listing.createdAt = now;
        apply(listing, valid, now);
        listings.persistAndFlush(listing);
        recordEvent(listing, caller.subject(), new Transition(null, ListingStatus.DRAFT, "CREATED"), now);
        recordChange(listing, now);
        return views.view(listing, caller, now, List.of());
    }

    public ListingView get(Caller caller, UUID id) {
        Instant now = now();
        Listing listing = visible(caller, id, now);
        return views.view(listing, caller, now, questions(caller, listing));
    }

    @Transactional
    public ListingView replace(Caller caller, UUID id, String ifMatch, ListingRequest body, Locale locale) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "PRECONDITION_REQUIRED");
        }
        Instant now = now();
        Listing listing = owned(caller, id, now);
        if (!EntityTags.anyMatches(ifMatch, etag(listing.version))) {
            throw new ProblemException(412, "PRECONDITION_FAILED").withHeader("ETag", etag(listing.version));
        }
        listing.requireEditable(now);
        ListingValidator.ValidListing valid = validator.validate(body, listing.kind, locale);
        apply(listing, valid, now);
        reports.resolveQuestions(listing.id, now);
        recordChange(listing, now);
        return views.view(listing, caller, now, List.of());
    }

    @Transactional
    public ListingView publish(Caller caller, UUID id) {
        Instant now = now();
        Listing listing = owned(caller, id, now);
        caller.requireVerifiedEmail();
        ListingView published = transition(caller, listing, listing.publish(now, config.lifetime()), now);
        business.happened("pupitre.listings.published", "Listings published (offers and requests)", "kind", listing.kind.name());
        return published;
    }

    @Transactional
    public ListingView renew(Caller caller, UUID id) {
        Instant now = now();
        Listing listing = owned(caller, id, now);
        caller.requireVerifiedEmail();
        return transition(caller, listing, listing.renew(now, config.lifetime()), now);
    }

    @Transactional
    public ListingView close(Caller caller, UUID id, CloseRequest body, Locale locale) {
        if (body == null || body.reason() == null) {
            throw ListingValidator.failed(List.of(new FieldProblem("reason", "REQUIRED",
                    ProblemCatalog.message("field.required", locale))));
        }
        if (body.reason() == CloseReason.ACCOUNT_CLOSED) {
            // only closing the account itself closes listings for this reason
            throw ListingValidator.failed(List.of(new FieldProblem("reason", "ENUM",
                    ProblemCatalog.message("field.enum", locale, "FILLED, WITHDRAWN"))));
        }
        Instant now = now();
        Listing listing = owned(caller, id, now);
        return transition(caller, listing, listing.close(body.reason()), now);
    }

    @Transactional
    public ListingView hide(Caller caller, UUID id, HideRequest body, Locale locale) {
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > HIDE_REASON_MAX) {
            throw ListingValidator.failed(List.of(new FieldProblem("reason", reason.isEmpty() ? "REQUIRED" : "TOO_LONG",
                    reason.isEmpty() ? ProblemCatalog.message("field.required", locale)
                            : ProblemCatalog.message("field.tooLong", locale, HIDE_REASON_MAX))));
        }
        Instant now = now();
        Listing listing = lockedOr404(id);
        return transition(caller, listing, listing.hide(now, reason), now);
    }

    /** The reason listings carry while their owner's account is disabled (restored as they were when re-enabled). */
    public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";

    /**
     * An account was disabled (the gateway, or an admin): every published listing of its owner is hidden
     * until it is re-enabled. Idempotent; returns how many were hidden now.
     */
    @Transactional
    public int suspendOwner(Caller caller, UUID ownerId) {
        requireAccountSuspender(caller);
        Instant now = now();
        int hidden = 0;
        for (Listing listing : listings.publishedOf(ownerId)) {
            if (listing.effectiveStatus(now) != ListingStatus.PUBLISHED) {
                continue;
            }
            Transition transition = listing.hide(now, ACCOUNT_DISABLED);
            listing.updatedAt = now;
            recordEvent(listing, caller.subject(), transition, now);
            recordChange(listing, now);
            hidden++;
        }
        return hidden;
    }

    /** The account is enabled again: the listings hidden because it was disabled come back as they were. */
    @Transactional
    public int restoreOwner(Caller caller, UUID ownerId) {
        requireAccountSuspender(caller);
        Instant now = now();
        int restored = 0;
        for (Listing listing : listings.hiddenOf(ownerId, ACCOUNT_DISABLED)) {
            Transition transition = listing.unhide(now);
            listing.updatedAt = now;
            recordEvent(listing, caller.subject(), transition, now);
            recordChange(listing, now);
            restored++;
        }
        return restored;
    }

    /**
     * Law 25: what listings holds about a person, for her export. Every listing she owns (drafts and
     * closed ones included, with owner fields) and the reports she filed.
     */
    public Map<String, Object> personalData(Caller caller, UUID personId) {
        requireAccountSuspender(caller);
        Instant now = now();
        List<ListingView> owned = listings.list("ownerId = ?1 order by createdAt", personId).stream()
                .map(l -> views.ownerView(l, now)).toList();
        List<Map<String, Object>> filed = reports.filedBy(personId.toString()).stream().map(r -> {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("listingId", r.listingId);
            report.put("reason", r.reason.name());
            report.put("comment", r.comment);
            report.put("createdAt", r.createdAt);
            report.put("resolvedAt", r.resolvedAt);
            return report;
        }).toList();
        return Map.of("listings", owned, "reportsFiled", filed);
    }

    /**
     * Law 25: the person closed her account. Each of her listings is closed (ACCOUNT_CLOSED: partners and
     * matching get a tombstone, search drops it) and its own words erased: description, public name, and a
     * neutral title. What stays is what identifies no one: kind, skills, rate, dates, the history of
     * statuses. Reports she filed keep their reason (moderation record) but lose her comment. Idempotent.
     */
    @Transactional
    public int eraseOwner(Caller caller, UUID ownerId) {
        requireAccountSuspender(caller);
        Instant now = now();
        int erased = 0;
        for (Listing listing : listings.allOfForUpdate(ownerId)) {
            if (listing.status != ListingStatus.CLOSED) {
                Transition transition = listing.close(CloseReason.ACCOUNT_CLOSED);
                recordEvent(listing, caller.subject(), transition, now);
            }
            if (!ERASED_TITLE.equals(listing.titleFr) || listing.titleEn != null || listing.descriptionFr != null
                    || listing.descriptionEn != null || listing.publicName != null) {
                listing.titleFr = ERASED_TITLE;
                listing.titleEn = null;
                listing.descriptionFr = null;
                listing.descriptionEn = null;
                listing.publicName = null;
                listing.updatedAt = now;
                recordChange(listing, now);
                erased++;
            }
        }
        reports.eraseCommentsOf(ownerId.toString());
        return erased;
    }

    /** The title an erased listing keeps (the table requires one): a dash, in no language. */
    static final String ERASED_TITLE = "—";

    private void requireAccountSuspender(Caller caller) {
        if (!caller.isAdmin() && !(caller.is(Roles.SERVICE) && config.accountSuspender().equals(caller.subject()))) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
    }

    @Transactional
    public ListingView unhide(Caller caller, UUID id) {
        Instant now = now();
        Listing listing = lockedOr404(id);
        Transition transition = listing.unhide(now);
        reports.resolveHidingReports(listing.id, now);
        return transition(caller, listing, transition, now);
    }

    public List<HistoryEntry> history(Caller caller, UUID id) {
        Instant now = now();
        Listing listing = visible(caller, id, now);
        if (!ListingViews.privileged(caller, listing)) {
            throw ProblemException.forbidden("NOT_OWNER");
        }
        return events.history(id).stream()
                .map(e -> new HistoryEntry(e.fromStatus, e.toStatus, e.actor, e.at, e.reason)).toList();
    }

    public ListingPage mine(Caller caller, String cursor, Integer limit) {
        UUID owner = caller.personId();
        if (owner == null) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
        int size = SearchService.pageSize(limit, config);
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = Cursors.decode(cursor, "mine", 2);
            try {
                afterAt = Instant.parse(parts.get(0));
                afterId = UUID.fromString(parts.get(1));
            } catch (RuntimeException malformed) {
                throw Cursors.invalid();
            }
        }
        Instant now = now();
        List<Listing> page = listings.ownedBy(owner, afterAt, afterId, size + 1);
        boolean more = page.size() > size;
        List<Listing> shown = more ? page.subList(0, size) : page;
        Listing last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        return new ListingPage(shown.stream().map(l -> views.view(l, caller, now, questions(caller, l))).toList(),
                more && last != null ? Cursors.encode("mine", last.createdAt, last.id) : null);
    }

    public List<ExpiringListing> expiring(Duration within) {
        Instant now = now();
        return listings.expiringBetween(now, now.plus(within), 1000).stream()
                .map(l -> new ExpiringListing(l.id, l.ownerId, l.kind, new LocalizedText(l.titleFr, l.titleEn), l.expiresAt,
                        l.expiryReminderDueAt(config.reminderBefore())))
                .toList();
    }

    @Transactional
    public ReportView report(Caller caller, UUID id, ReportRequest body, Locale locale) {
        if (body == null || body.reason() == null) {
            throw ListingValidator.failed(List.of(new FieldProblem("reason", "REQUIRED",
                    ProblemCatalog.message("field.required", locale))));
        }
        String comment = body.comment() == null ? null : body.comment().strip();
        if (comment != null && comment.length() > COMMENT_MAX) {
            throw ListingValidator.failed(List.of(new FieldProblem("comment", "TOO_LONG",
                    ProblemCatalog.message("field.tooLong", locale, COMMENT_MAX))));
        }
        Instant now = now();
        // Lock the listing first: concurrent reports then cannot both decide (or deadlock over) the auto-hide.
        Listing listing = listings.findForUpdate(id).orElseThrow(ListingService::notFound);
        if (!listing.publiclyVisible(now) && !ListingViews.privileged(caller, listing)) {
            throw notFound();
        }
        if (caller.personId() != null && caller.personId().equals(listing.ownerId)) {
            throw ProblemException.unprocessable("REPORT_OWN_LISTING");
        }
        caller.requireVerifiedEmail();
        if (reports.exists(id, caller.subject())) {
            throw ProblemException.conflict("ALREADY_REPORTED");
        }
        if (!caller.isAdmin() && reports.filedSince(caller.subject(), now.minus(Duration.ofDays(1))) >= config.reportsPerDay()) {
            throw new ProblemException(429, "REPORT_LIMIT_REACHED", config.reportsPerDay());
        }
        ListingReport report = new ListingReport();
        report.id = UUID.randomUUID();
        report.listingId = id;
        report.reporter = caller.subject();
        report.reason = body.reason();
        report.comment = comment == null || comment.isEmpty() ? null : comment;
        report.createdAt = now;
        report.countsTowardHiding = caller.isAdmin() || (caller.accountCreated() != null
                && !caller.accountCreated().isAfter(now.minus(config.reportMinAccountAge())));
        reports.persist(report);
        if (body.reason().countsTowardHiding() && listing.status != ListingStatus.HIDDEN
                && listing.status != ListingStatus.CLOSED) {
            reports.flush();
            if (reports.openHidingReports(id) >= config.autoHideReports()) {
                Transition hidden = listing.hide(now, "REPORTS");
                listing.updatedAt = now;
                recordEvent(listing, SYSTEM_ACTOR, hidden, now);
                recordChange(listing, now);
            }
        }
        return new ReportView(report.id, id, report.reason, now);
    }

    @Transactional
    public ListingView feature(Caller caller, UUID id, FeaturedRequest body) {
        if (!caller.is(Roles.SERVICE) || !config.featuredSetter().equals(caller.subject())) {
            throw ProblemException.forbidden("FEATURED_FORBIDDEN");
        }
        Instant now = now();
        Listing listing = lockedOr404(id);
        listing.featuredUntil = body == null || body.featuredUntil() == null ? null
                : body.featuredUntil().truncatedTo(ChronoUnit.MICROS);
        listing.updatedAt = now;
        recordChange(listing, now);
        return views.view(listing, caller, now, null);
    }

    /** Flips published listings past their lifetime to EXPIRED (the job); returns how many. */
    @Transactional
    public int expireDue(int batch) {
        Instant now = now();
        List<Listing> due = listings.dueForExpiry(now, batch);
        for (Listing listing : due) {
            Transition expired = listing.expireIfDue(now);
            if (expired != null) {
                recordEvent(listing, SYSTEM_ACTOR, expired, now);
            }
        }
        for (Listing listing : due) {
            recordChange(listing, now);
        }
        return due.size();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    private ListingView transition(Caller caller, Listing listing, Transition transition, Instant now) {
        listing.updatedAt = now;
        if (ListingViews.privileged(caller, listing) && !caller.isAdmin()) {
            reports.resolveQuestions(listing.id, now);
        }
        recordEvent(listing, caller.subject(), transition, now);
        recordChange(listing, now);
        return views.view(listing, caller, now, questions(caller, listing));
    }

    private void apply(Listing listing, ListingValidator.ValidListing v, Instant now) {
        listing.titleFr = v.titleFr();
        listing.titleEn = v.titleEn();
        listing.descriptionFr = v.descriptionFr();
        listing.descriptionEn = v.descriptionEn();
        listing.skills = v.skills().toArray(String[]::new);
        listing.languages = v.languages().toArray(String[]::new);
        listing.pricingUnit = v.unit();
        listing.pricingAmount = v.amount();
        listing.hoursPerWeek = v.hoursPerWeek();
        listing.turnaround = v.turnaround();
        listing.remote = v.remote();
        listing.region = v.region();
        listing.startDate = v.startDate();
        listing.confidentiality = v.confidentiality();
        listing.publicName = v.publicName();
        listing.anonymous = v.anonymous();
        listing.updatedAt = now;
    }

    private void recordEvent(Listing listing, String actor, Transition transition, Instant now) {
        ListingEvent event = new ListingEvent();
        event.listingId = listing.id;
        event.actor = actor == null ? SYSTEM_ACTOR : actor;
        event.at = now;
        event.fromStatus = transition.from();
        event.toStatus = transition.to();
        event.reason = transition.reason();
        events.persist(event);
    }

    /** The last write of every transaction that changes a listing (see ListingChangeRepository). */
    private void recordChange(Listing listing, Instant now) {
        changes.record(listing.id, listing.publiclyVisible(now) ? UPSERT : TOMBSTONE, listing.effectiveStatus(now), now);
        changed.fire(new ListingIndex.ListingsChanged(listing.id));
    }

    private List<PendingQuestion> questions(Caller caller, Listing listing) {
        if (!ListingViews.privileged(caller, listing)) {
            return null;
        }
        return reports.openQuestions(listing.id).stream()
                .map(r -> new PendingQuestion(r.reason.name(), r.comment, r.createdAt)).toList();
    }

    /** The listing if the caller may see it; 404 otherwise (never reveal that a draft or hidden listing exists). */
    private Listing visible(Caller caller, UUID id, Instant now) {
        Listing listing = listings.findByIdOptional(id).orElseThrow(ListingService::notFound);
        if (listing.publiclyVisible(now) || ListingViews.privileged(caller, listing)) {
            return listing;
        }
        throw notFound();
    }

    /** The listing locked for an owner's action: 404 when the caller cannot see it, 403 when not theirs. */
    private Listing owned(Caller caller, UUID id, Instant now) {
        Listing listing = listings.findForUpdate(id).orElseThrow(ListingService::notFound);
        boolean owner = caller.personId() != null && caller.personId().equals(listing.ownerId);
        if (owner) {
            return listing;
        }
        if (listing.publiclyVisible(now) || caller.isAdmin()) {
            throw ProblemException.forbidden("NOT_OWNER");
        }
        throw notFound();
    }

    private Listing lockedOr404(UUID id) {
        return listings.findForUpdate(id).orElseThrow(ListingService::notFound);
    }

    static ProblemException notFound() {
        return ProblemException.notFound("LISTING_NOT_FOUND");
    }

    /** Domain refusal → 409 problem. */
    public static ProblemException illegal(IllegalTransitionException e) {
        return ProblemException.conflict("ILLEGAL_TRANSITION", e.action(), e.from().name());
    }
}
