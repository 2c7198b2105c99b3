package ca.pupitre.billing.service;

import ca.pupitre.billing.api.DisputeRequest;
import ca.pupitre.billing.api.TimeEntryRequest;
import ca.pupitre.billing.api.TimeEntryView;
import ca.pupitre.billing.domain.Engagement;
import ca.pupitre.billing.domain.EngagementState;
import ca.pupitre.billing.domain.Money;
import ca.pupitre.billing.domain.TimeEntry;
import ca.pupitre.billing.domain.TimeEntryComment;
import ca.pupitre.billing.domain.TimeEntryState;
import ca.pupitre.billing.repository.TimeEntryCommentRepository;
import ca.pupitre.billing.repository.TimeEntryRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Time entries: the secretary logs them, the client answers week by week (Monday to Sunday).
 * Approved entries are locked; a disputed entry keeps its comment trail and returns to SUBMITTED
 * when the secretary corrects it.
 */
@ApplicationScoped
public class TimesheetService {

    private final EngagementService engagementService;
    private final TimeEntryRepository entries;
    private final TimeEntryCommentRepository comments;
    private final Clock clock;

    public TimesheetService(EngagementService engagementService, TimeEntryRepository entries,
            TimeEntryCommentRepository comments, Clock clock) {
        this.engagementService = engagementService;
        this.entries = entries;
        this.comments = comments;
        this.clock = clock;
    }

    @Transactional
    public TimeEntryView log(Caller caller, UUID engagementId, TimeEntryRequest request) {
        Engagement engagement = engagementService.visible(caller, engagementId);
        requireSecretary(caller, engagement);
        if (engagement.state != EngagementState.ACTIVE) {
            throw ProblemException.conflict("ENGAGEMENT_ENDED", engagementId);
        }
        requireWorked(request);
        TimeEntry entry = new TimeEntry();
        entry.id = UUID.randomUUID();
        entry.engagementId = engagementId;
        entry.createdAt = clock.instant();
        apply(entry, request);
        entries.persist(entry);
        return view(entry);
    }

    @Transactional
    public TimeEntryView correct(Caller caller, UUID entryId, TimeEntryRequest request) {
        TimeEntry entry = entry(entryId);
        Engagement engagement = engagementService.visible(caller, entry.engagementId);
        requireSecretary(caller, engagement);
        if (entry.state == TimeEntryState.APPROVED) {
            throw ProblemException.conflict("TIME_ENTRY_LOCKED", entryId);
        }
        requireWorked(request);
        apply(entry, request);
        return view(entry);
    }

    public List<TimeEntryView> list(Caller caller, UUID engagementId, LocalDate weekStart) {
        engagementService.visible(caller, engagementId);
        List<TimeEntry> found = weekStart == null
                ? entries.list("engagementId = ?1 order by workDate, createdAt", engagementId)
                : entries.list("engagementId = ?1 and workDate >= ?2 and workDate < ?3 order by workDate, createdAt",
                        engagementId, monday(weekStart), weekStart.plusDays(7));
        return found.stream().map(this::view).toList();
    }

    @Transactional
    public List<TimeEntryView> approveWeek(Caller caller, UUID engagementId, LocalDate weekStart) {
        Engagement engagement = engagementService.visible(caller, engagementId);
        requireClient(caller, engagement);
        List<TimeEntry> week = submittedInWeek(engagementId, monday(weekStart));
        for (TimeEntry entry : week) {
            entry.state = TimeEntryState.APPROVED;
            entry.answeredAt = clock.instant();
        }
        return week.stream().map(this::view).toList();
    }

    @Transactional
    public List<TimeEntryView> disputeWeek(Caller caller, UUID engagementId, LocalDate weekStart, DisputeRequest request) {
        Engagement engagement = engagementService.visible(caller, engagementId);
        requireClient(caller, engagement);
        List<TimeEntry> week = submittedInWeek(engagementId, monday(weekStart));
        if (request.entryIds() != null && !request.entryIds().isEmpty()) {
            Set<UUID> wanted = Set.copyOf(request.entryIds());
            week = week.stream().filter(e -> wanted.contains(e.id)).toList();
            if (week.size() != wanted.size()) {
                throw ProblemException.conflict("TIME_ENTRY_NOT_DISPUTABLE");
            }
        }
        for (TimeEntry entry : week) {
            entry.state = TimeEntryState.DISPUTED;
            entry.answeredAt = clock.instant();
            addComment(caller, entry.id, request.comment());
        }
        return week.stream().map(this::view).toList();
    }

    @Transactional
    public TimeEntryView comment(Caller caller, UUID entryId, String body) {
        TimeEntry entry = entry(entryId);
        engagementService.visible(caller, entry.engagementId);
        addComment(caller, entryId, body);
        return view(entry);
    }

    private void addComment(Caller caller, UUID entryId, String body) {
        TimeEntryComment c = new TimeEntryComment();
        c.id = UUID.randomUUID();
        c.entryId = entryId;
        c.authorId = caller.requirePersonId();
        c.authorRole = caller.personRole();
        c.body = body.strip();
        c.createdAt = clock.instant();
        comments.persist(c);
    }

    private List<TimeEntry> submittedInWeek(UUID engagementId, LocalDate monday) {
        return entries.list("engagementId = ?1 and state = ?2 and workDate >= ?3 and workDate < ?4 order by workDate, createdAt",
                engagementId, TimeEntryState.SUBMITTED, monday, monday.plusDays(7));
    }

    private TimeEntry entry(UUID id) {
        return entries.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("TIME_ENTRY_NOT_FOUND", id));
    }

    /** Time is logged once worked: a day after today in Québec is refused (it would be approved and invoiced). */
    private void requireWorked(TimeEntryRequest request) {
        LocalDate today = LocalDate.now(clock.withZone(TaxService.QUEBEC));
        if (request.date().isAfter(today)) {
            throw ProblemException.unprocessable("TIME_ENTRY_IN_FUTURE", request.date());
        }
    }

    private static void apply(TimeEntry entry, TimeEntryRequest request) {
        entry.workDate = request.date();
        entry.minutes = request.minutes();
        entry.description = request.description().strip();
        entry.units = request.units() == null || request.units().isBlank() ? null : Money.parse("units", request.units());
        entry.state = TimeEntryState.SUBMITTED;
        entry.answeredAt = null;
    }

    private static LocalDate monday(LocalDate weekStart) {
        if (weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw ProblemException.badRequest("WEEK_MUST_START_MONDAY", weekStart);
        }
        return weekStart;
    }

    private static void requireSecretary(Caller caller, Engagement engagement) {
        if (!caller.isPerson(engagement.secretaryId, Roles.SECRETARY)) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
    }

    private static void requireClient(Caller caller, Engagement engagement) {
        if (!caller.isPerson(engagement.clientId, Roles.CLIENT)) {
            throw ProblemException.forbidden("FORBIDDEN");
        }
    }

    /** Every time entry of an engagement, oldest first, with its comments (a person's export). */
    public List<TimeEntryView> entriesOf(UUID engagementId) {
        return entries.list("engagementId = ?1 order by workDate, createdAt", engagementId).stream().map(this::view).toList();
    }

    private TimeEntryView view(TimeEntry entry) {
        return TimeEntryView.of(entry, comments.list("entryId = ?1 order by createdAt", entry.id));
    }
}
