package ca.pupitre.matching.domain.ranking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks qualified pairs by fit, then guarantees newcomer exposure: when fewer than {@code newcomerSlots}
 * qualified newcomers reach the first {@code newcomerWindow} places on fit alone, other qualified newcomers take
 * the last places of that window and the established secretaries they displace move down. The promoted are
 * those shown least so far ({@link SecretaryRecord#exposures()}), best fit first among equals, so the slots
 * rotate among newcomers instead of always going to the same few; they are shown in order of fit. Only qualified candidates are ever ranked, so nobody who breaks a
 * hard rule can be promoted.
 */
public final class Ranker {

    /** One candidate: the other side's listing, its secretary's record, whether a block stands between the two. */
    public record Candidate(ListingFacts listing, SecretaryRecord record, boolean blocked) {
    }

    /** A ranked, qualified candidate. */
    public record Ranked(ListingFacts listing, Fit fit, boolean newcomer, boolean promoted, int exposures) {

        public Ranked(ListingFacts listing, Fit fit, boolean newcomer, boolean promoted) {
            this(listing, fit, newcomer, promoted, 0);
        }
    }

    private static final Comparator<Ranked> BY_FIT = Comparator.comparingDouble((Ranked r) -> r.fit().score()).reversed()
            .thenComparing(r -> r.listing().id());

    private final Matcher matcher;

    public Ranker(Matcher matcher) {
        this.matcher = matcher;
    }

    public Matcher matcher() {
        return matcher;
    }

    /** Offers for a client's request, best first, at most {@code limit}. */
    public List<Ranked> offersFor(ListingFacts request, List<Candidate> offers, Instant now, int limit) {
        List<Ranked> qualified = new ArrayList<>();
        for (Candidate candidate : offers) {
            if (matcher.qualifies(request, candidate.listing(), candidate.blocked(), now)) {
                qualified.add(new Ranked(candidate.listing(), matcher.fit(request, candidate.listing(), candidate.record()),
                        matcher.newcomer(candidate.record()), false, candidate.record().exposures()));
            }
        }
        qualified.sort(BY_FIT);
        List<Ranked> fair = withNewcomerSlots(qualified, Math.min(limit, matcher.policy().newcomerWindow()));
        return fair.subList(0, Math.min(limit, fair.size()));
    }

    /** Open requests for a secretary's offer, best first, at most {@code limit} (no newcomer rule on this side). */
    public List<Ranked> requestsFor(ListingFacts offer, SecretaryRecord record, List<Candidate> requests, Instant now, int limit) {
        List<Ranked> qualified = new ArrayList<>();
        for (Candidate candidate : requests) {
            if (matcher.qualifies(candidate.listing(), offer, candidate.blocked(), now)) {
                qualified.add(new Ranked(candidate.listing(), matcher.fit(candidate.listing(), offer, record), false, false));
            }
        }
        qualified.sort(BY_FIT);
        return qualified.subList(0, Math.min(limit, qualified.size()));
    }

    private List<Ranked> withNewcomerSlots(List<Ranked> byFit, int window) {
        int slots = Math.min(matcher.policy().newcomerSlots(), window);
        if (window <= 0 || slots <= 0 || byFit.size() <= window) {
            return byFit;
        }
        long inWindow = byFit.subList(0, window).stream().filter(Ranked::newcomer).count();
        int missing = (int) Math.max(0, slots - inWindow);
        List<Ranked> waiting = new ArrayList<>();
        for (Ranked r : byFit.subList(window, byFit.size())) {
            if (r.newcomer()) {
                waiting.add(r);
            }
        }
        // Newcomers who earned their place by fit do not use up the guarantee while qualified newcomers that
        // nobody has been shown yet wait below: those get the guaranteed slots on top (never past a hard rule,
        // and never more than newcomerSlots extra), so a first showing is not lost to an already-seen peer.
        long unseenWaiting = waiting.stream().filter(r -> r.exposures() == 0).count();
        missing = (int) Math.min(Math.max(missing, Math.min(slots, unseenWaiting)), window - inWindow);
        if (missing == 0) {
            return byFit;
        }
        // byFit order is kept among equal exposures (stable sort)
        waiting.sort(Comparator.comparingInt(Ranked::exposures));
        List<Ranked> promoted = new ArrayList<>();
        for (Ranked r : waiting.subList(0, Math.min(missing, waiting.size()))) {
            promoted.add(new Ranked(r.listing(), r.fit(), true, true, r.exposures()));
        }
        if (promoted.isEmpty()) {
            return byFit;
        }
        promoted.sort(BY_FIT);
        List<Ranked> top = byFit.subList(0, window);
        long establishedToKeep = window - inWindow - promoted.size();
        List<Ranked> result = new ArrayList<>(byFit.size());
        List<Ranked> displaced = new ArrayList<>();
        long established = 0;
        for (Ranked r : top) {
            if (r.newcomer() || established++ < establishedToKeep) {
                result.add(r);
            } else {
                displaced.add(r);
            }
        }
        result.addAll(promoted);
        result.addAll(displaced);
        for (Ranked r : byFit.subList(window, byFit.size())) {
            if (promoted.stream().noneMatch(p -> p.listing().id().equals(r.listing().id()))) {
                result.add(r);
            }
        }
        return result;
    }
}
