package ca.pupitre.matching.service;

import ca.pupitre.matching.config.MatchingConfig;
import ca.pupitre.matching.domain.ListingCopy;
import ca.pupitre.matching.domain.ranking.Factor;
import ca.pupitre.matching.domain.ranking.ListingFacts;
import ca.pupitre.matching.domain.ranking.Matcher;
import ca.pupitre.matching.domain.ranking.Ranker;
import ca.pupitre.matching.domain.ranking.RankingPolicy;
import ca.pupitre.matching.domain.ranking.SecretaryRecord;
import ca.pupitre.matching.repository.ClientBlockRepository;
import ca.pupitre.matching.repository.ExposureRepository;
import ca.pupitre.matching.repository.InvitationRepository;
import ca.pupitre.matching.repository.ListingCopyRepository;
import ca.pupitre.platform.problem.ProblemException;
import ca.pupitre.platform.security.Caller;
import ca.pupitre.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Ranks offers for a client's request, or open requests for a secretary's offer, from matching's own copy. */
@ApplicationScoped
public class MatchService {

    /** How long a secretary has to answer an invitation before it counts as unanswered. */
    static final Duration ANSWER_WINDOW = Duration.ofHours(72);

    private final ListingCopyRepository listings;
    private final InvitationRepository invitations;
    private final ClientBlockRepository blocks;
    private final ReputationSource reputation;
    private final ExposureRepository exposures;
    private final SkillCatalog skills;
    private final MatchingConfig config;
    private final Clock clock;

    public MatchService(ListingCopyRepository listings, InvitationRepository invitations, ClientBlockRepository blocks,
            ReputationSource reputation, ExposureRepository exposures, SkillCatalog skills,
            MatchingConfig config, Clock clock) {
        this.exposures = exposures;
        this.listings = listings;
        this.invitations = invitations;
        this.blocks = blocks;
        this.reputation = reputation;
        this.skills = skills;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<Ranker.Ranked> offersFor(UUID requestId, Caller caller, Integer limit) {
        int max = limit(limit);
        ListingCopy request = listing(requestId, "REQUEST");
        if (!caller.isAdmin() && !caller.isPerson(request.ownerId, Roles.CLIENT)) {
            throw ProblemException.forbidden("NOT_LISTING_OWNER");
        }
        Instant now = clock.instant();
        Ranker ranker = ranker();
        ListingFacts wanted = facts(request);
        List<ListingCopy> offers = listings.openOffersFor(request.pricingUnit,
                request.amount == null ? null : ranker.matcher().ceiling(request.amount), request.hoursPerWeek,
                request.remote ? null : request.region, now);
        Set<UUID> blocking = request.ownerId == null ? Set.of() : blocks.secretariesBlocking(request.ownerId);
        Map<UUID, SecretaryRecord> records = records(offers.stream().map(o -> o.ownerId).filter(id -> id != null).toList(), now);
        List<Ranker.Candidate> candidates = offers.stream()
                .map(o -> new Ranker.Candidate(facts(o), records.getOrDefault(o.ownerId, SecretaryRecord.NONE),
                        o.ownerId == null || blocking.contains(o.ownerId)))
                .toList();
        List<Ranker.Ranked> ranked = ranker.offersFor(wanted, candidates, now, max);
        if (caller.isPerson(request.ownerId, Roles.CLIENT)) {
            // only what the client is shown counts as exposure (not admins' looks)
            exposures.bump(ranked.stream().limit(config.ranking().newcomerWindow()).filter(Ranker.Ranked::newcomer)
                    .map(r -> r.listing().ownerId()).filter(id -> id != null).distinct().toList(), now);
        }
        return ranked;
    }

    @Transactional
    public List<Ranker.Ranked> requestsFor(UUID offerId, Caller caller, Integer limit) {
        int max = limit(limit);
        ListingCopy offer = listing(offerId, "OFFER");
        if (!caller.isAdmin() && !caller.isPerson(offer.ownerId, Roles.SECRETARY)) {
            throw ProblemException.forbidden("NOT_LISTING_OWNER");
        }
        Instant now = clock.instant();
        Set<UUID> blocked = offer.ownerId == null ? Set.of() : blocks.clientsBlockedBy(offer.ownerId);
        SecretaryRecord record = offer.ownerId == null ? SecretaryRecord.NONE
                : records(List.of(offer.ownerId), now).getOrDefault(offer.ownerId, SecretaryRecord.NONE);
        List<Ranker.Candidate> candidates = listings.openOfKind("REQUEST", now).stream()
                .map(r -> new Ranker.Candidate(facts(r), record, r.ownerId == null || blocked.contains(r.ownerId)))
                .toList();
        return ranker().requestsFor(facts(offer), record, candidates, now, max);
    }

    /**
     * Of the requests ranked for an offer, those whose client the caller may see: all for an admin; for the
     * offer's secretary, the requests not published anonymously and those whose client invited her.
     */
    @Transactional
    public Set<UUID> clientsShown(UUID offerId, Caller caller, Collection<UUID> requestIds) {
        if (caller.isAdmin()) {
            return Set.copyOf(requestIds);
        }
        ListingCopy offer = listing(offerId, "OFFER");
        Set<UUID> shown = new HashSet<>(listings.namedAmong(requestIds));
        if (offer.ownerId != null && shown.size() < requestIds.size()) {
            shown.addAll(invitations.requestsInviting(offer.ownerId, requestIds));
        }
        return shown;
    }

    /** The domain ranking with the configured policy and the current taxonomy. */
    public Ranker ranker() {
        return new Ranker(new Matcher(policy(), skills.relations()));
    }

    /** The Bayesian star average ranking uses for {@code count} reviews totalling {@code starSum}. */
    public double weightedStars(int count, int starSum) {
        return new Matcher(policy(), skills.relations()).bayesianStars(new SecretaryRecord(0, 0, 0, null, count, starSum));
    }

    public RankingPolicy policy() {
        MatchingConfig.Ranking r = config.ranking();
        Map<Factor, Double> weights = new EnumMap<>(Factor.class);
        weights.put(Factor.SKILLS, r.weights().skills());
        weights.put(Factor.PRICE, r.weights().price());
        weights.put(Factor.CAPACITY, r.weights().capacity());
        weights.put(Factor.TURNAROUND, r.weights().turnaround());
        weights.put(Factor.RESPONSIVENESS, r.weights().responsiveness());
        weights.put(Factor.REPUTATION, r.weights().reputation());
        return new RankingPolicy(r.priceTolerance(), weights, r.newcomerThreshold(), r.newcomerSlots(), r.newcomerWindow(),
                r.priorMean(), r.priorWeight());
    }

    private Map<UUID, SecretaryRecord> records(Collection<UUID> secretaryIds, Instant now) {
        Set<UUID> ids = new HashSet<>(secretaryIds);
        Map<UUID, SecretaryRecord> records = invitations.records(ids, now.minus(ANSWER_WINDOW));
        Map<UUID, int[]> stars = reputation.starsOf(ids);
        Map<UUID, Integer> shown = exposures.of(ids);
        for (UUID id : ids) {
            SecretaryRecord base = records.getOrDefault(id, SecretaryRecord.NONE);
            int[] s = stars.getOrDefault(id, new int[] {0, 0});
            records.put(id, new SecretaryRecord(base.completedEngagements(), base.invitationsReceived(),
                    base.invitationsAnswered(), base.averageAnswerHours(), s[0], s[1], shown.getOrDefault(id, 0)));
        }
        return records;
    }

    private ListingCopy listing(UUID id, String kind) {
        ListingCopy copy = listings.findById(id);
        if (copy == null || copy.kind == null || !kind.equals(copy.kind)) {
            throw ProblemException.notFound("LISTING_NOT_FOUND");
        }
        return copy;
    }

    private int limit(Integer limit) {
        if (limit == null) {
            return config.ranking().defaultLimit();
        }
        if (limit < 1 || limit > config.ranking().maxLimit()) {
            throw ProblemException.badRequest("INVALID_LIMIT", config.ranking().maxLimit());
        }
        return limit;
    }

    static ListingFacts facts(ListingCopy c) {
        Duration turnaround = null;
        if (c.turnaround != null) {
            try {
                turnaround = Duration.parse(c.turnaround);
            } catch (DateTimeParseException unknown) {
                turnaround = null;
            }
        }
        return new ListingFacts(c.id, c.kind, c.ownerId, c.status, Set.copyOf(Arrays.asList(c.skills)), Set.copyOf(Arrays.asList(c.languages)), c.pricingUnit,
                c.amount, c.hoursPerWeek, turnaround, c.remote, c.region, c.confidentiality, c.expiresAt);
    }
}
