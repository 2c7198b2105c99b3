package ca.pupitre.matching.domain.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a secretary's offer qualifies for a client's request (hard rules) and how well it fits
 * (score with its explanation). Pure: no I/O, no clock of its own.
 */
public final class Matcher {

    private final RankingPolicy policy;
    private final SkillRelations skills;

    public Matcher(RankingPolicy policy, SkillRelations skills) {
        this.policy = policy;
        this.skills = skills;
    }

    public RankingPolicy policy() {
        return policy;
    }

    /** The hard rules {@code offer} breaks for {@code request}; empty when it qualifies. */
    public Set<HardRule> broken(ListingFacts request, ListingFacts offer, boolean blocked, Instant now) {
        Set<HardRule> broken = EnumSet.noneOf(HardRule.class);
        if (!request.openAt(now) || !offer.openAt(now) || !"REQUEST".equals(request.kind()) || !"OFFER".equals(offer.kind())) {
            broken.add(HardRule.OPEN);
        }
        Set<String> offered = canonical(offer.skills());
        for (String wanted : canonical(request.skills())) {
            if (!offered.contains(wanted) && offered.stream().noneMatch(o -> skills.related(wanted, o))) {
                broken.add(HardRule.SKILLS);
            }
        }
        if (!offer.languages().containsAll(request.languages())) {
            broken.add(HardRule.LANGUAGE);
        }
        if (request.amount() != null) {
            if (offer.amount() == null || !request.unit().equals(offer.unit())
                    || offer.amount().compareTo(ceiling(request.amount())) > 0) {
                broken.add(HardRule.RATE);
            }
        }
        if (request.hoursPerWeek() != null && (offer.hoursPerWeek() == null || offer.hoursPerWeek() < request.hoursPerWeek())) {
            broken.add(HardRule.HOURS);
        }
        if (!request.remote() && (request.region() == null || !request.region().equals(offer.region()))) {
            broken.add(HardRule.REGION);
        }
        if (!"NONE".equals(request.confidentiality()) && !request.confidentiality().equals(offer.confidentiality())) {
            broken.add(HardRule.CONFIDENTIALITY);
        }
        if (blocked) {
            broken.add(HardRule.NOT_BLOCKED);
        }
        return broken;
    }

    /** Whether {@code offer} breaks no hard rule for {@code request}: {@link #broken} without collecting, cheapest rules first. */
    public boolean qualifies(ListingFacts request, ListingFacts offer, boolean blocked, Instant now) {
        if (blocked || !request.openAt(now) || !offer.openAt(now) || !"REQUEST".equals(request.kind()) || !"OFFER".equals(offer.kind())) {
            return false;
        }
        if (request.hoursPerWeek() != null && (offer.hoursPerWeek() == null || offer.hoursPerWeek() < request.hoursPerWeek())) {
            return false;
        }
        if (!request.remote() && (request.region() == null || !request.region().equals(offer.region()))) {
            return false;
        }
        if (!"NONE".equals(request.confidentiality()) && !request.confidentiality().equals(offer.confidentiality())) {
            return false;
        }
        if (request.amount() != null && (offer.amount() == null || !request.unit().equals(offer.unit())
                || offer.amount().compareTo(ceiling(request.amount())) > 0)) {
            return false;
        }
        if (!offer.languages().containsAll(request.languages())) {
            return false;
        }
        Set<String> offered = skills.canonical(offer.skills());
        for (String wanted : skills.canonical(request.skills())) {
            if (!offered.contains(wanted) && offered.stream().noneMatch(o -> skills.related(wanted, o))) {
                return false;
            }
        }
        return true;
    }

    /** The highest rate that still qualifies for {@code budget}. */
    public BigDecimal ceiling(BigDecimal budget) {
        return budget.multiply(BigDecimal.valueOf(1 + policy.priceTolerance())).setScale(2, RoundingMode.HALF_UP);
    }

    /** The score of a qualified pair with its explanation (scored parts first, then weight-0 information). */
    public Fit fit(ListingFacts request, ListingFacts offer, SecretaryRecord record) {
        List<Part> parts = new ArrayList<>();
        parts.add(skillPart(request, offer));
        parts.add(pricePart(request, offer));
        parts.add(capacityPart(request, offer));
        parts.add(turnaroundPart(request, offer));
        parts.add(responsivenessPart(record));
        parts.add(reputationPart(record));
        parts.add(new Part(Factor.LANGUAGES, 0, 1, "languages", List.of(String.join("+", new TreeSet<>(
                request.languages().isEmpty() ? offer.languages() : request.languages())))));
        parts.add(request.remote() ? new Part(Factor.REGION, 0, 1, "region.remote", List.of())
                : new Part(Factor.REGION, 0, 1, "region.same", List.of(String.valueOf(request.region()))));
        return Fit.of(parts);
    }

    /** Bayesian average of the stars: the prior counts for {@code priorWeight} reviews of {@code priorMean}. */
    public double bayesianStars(SecretaryRecord record) {
        return (policy.priorWeight() * policy.priorMean() + record.starSum()) / (policy.priorWeight() + record.reviewCount());
    }

    public boolean newcomer(SecretaryRecord record) {
        return record.completedEngagements() < policy.newcomerThreshold();
    }

    private Part skillPart(ListingFacts request, ListingFacts offer) {
        Set<String> wanted = canonical(request.skills());
        Set<String> offered = canonical(offer.skills());
        if (wanted.isEmpty()) {
            return part(Factor.SKILLS, 1, "skills.none");
        }
        int exact = 0;
        int related = 0;
        for (String skill : wanted) {
            if (offered.contains(skill)) {
                exact++;
            } else if (offered.stream().anyMatch(o -> skills.related(skill, o))) {
                related++;
            }
        }
        double value = (exact + 0.5 * related) / wanted.size();
        return part(Factor.SKILLS, value, "skills", exact, wanted.size(), related);
    }

    private Part pricePart(ListingFacts request, ListingFacts offer) {
        if (request.amount() == null || request.amount().signum() <= 0) {
            return part(Factor.PRICE, 1, "price.nobudget", money(offer.amount()), unit(offer.unit()));
        }
        double ratio = offer.amount().doubleValue() / request.amount().doubleValue();
        double value = ratio <= 1 ? 1 : Math.max(0, 1 - 0.5 * (ratio - 1) / Math.max(policy.priceTolerance(), 1e-9));
        return part(Factor.PRICE, value, ratio <= 1 ? "price.within" : "price.tolerated",
                money(offer.amount()), money(request.amount()), unit(offer.unit()));
    }

    private Part capacityPart(ListingFacts request, ListingFacts offer) {
        if (request.hoursPerWeek() == null) {
            return part(Factor.CAPACITY, 1, "capacity.unspecified",
                    offer.hoursPerWeek() == null ? "?" : String.valueOf(offer.hoursPerWeek()));
        }
        double headroom = offer.hoursPerWeek() / (double) request.hoursPerWeek();
        double value = Math.min(1, 0.6 + 0.4 * (headroom - 1));
        return part(Factor.CAPACITY, value, "capacity", offer.hoursPerWeek(), request.hoursPerWeek());
    }

    private Part turnaroundPart(ListingFacts request, ListingFacts offer) {
        Duration wanted = request.turnaround();
        Duration offered = offer.turnaround();
        if (wanted == null || offered == null) {
            return part(Factor.TURNAROUND, wanted == null ? 1 : 0.5, wanted == null ? "turnaround.unspecified" : "turnaround.unknown",
                    offered == null ? "?" : hours(offered), wanted == null ? "?" : hours(wanted));
        }
        double value = offered.compareTo(wanted) <= 0 ? 1 : (double) wanted.toMinutes() / Math.max(1, offered.toMinutes());
        return part(Factor.TURNAROUND, value, "turnaround", hours(offered), hours(wanted));
    }

    private Part responsivenessPart(SecretaryRecord record) {
        if (record.invitationsReceived() == 0) {
            return part(Factor.RESPONSIVENESS, 0.5, "responsiveness.none");
        }
        // answer rate smoothed with one answered and one unanswered invitation, so one data point is not 0 % or 100 %
        double rate = (record.invitationsAnswered() + 1.0) / (record.invitationsReceived() + 2.0);
        double speed = record.averageAnswerHours() == null ? 0.5
                : Math.max(0, Math.min(1, 1 - (record.averageAnswerHours() - 4) / 68));
        return part(Factor.RESPONSIVENESS, 0.5 * rate + 0.5 * speed, "responsiveness",
                Math.round(100.0 * record.invitationsAnswered() / record.invitationsReceived()),
                record.averageAnswerHours() == null ? "?" : String.valueOf(Math.round(record.averageAnswerHours())));
    }

    private Part reputationPart(SecretaryRecord record) {
        double stars = bayesianStars(record);
        double value = Math.max(0, Math.min(1, (stars - 1) / 4));
        if (record.reviewCount() == 0) {
            return part(Factor.REPUTATION, value, "reputation.none", oneDecimal(stars));
        }
        return part(Factor.REPUTATION, value, "reputation", oneDecimal(record.starSum() / (double) record.reviewCount()),
                record.reviewCount(), oneDecimal(stars));
    }

    private Part part(Factor factor, double value, String key, Object... args) {
        double rounded = Math.round(value * 10_000) / 10_000.0;
        List<String> texts = new ArrayList<>();
        for (Object arg : args) {
            texts.add(String.valueOf(arg));
        }
        return new Part(factor, policy.weight(factor), rounded, key, texts);
    }

    private Set<String> canonical(Set<String> codes) {
        return skills.canonical(codes);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "?" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String unit(String unit) {
        return unit == null ? "FIXED" : unit;
    }

    private static String hours(Duration duration) {
        return String.valueOf(Math.max(1, Math.round(duration.toMinutes() / 60.0)));
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
