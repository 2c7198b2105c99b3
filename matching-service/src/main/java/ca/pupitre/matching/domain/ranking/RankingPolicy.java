package ca.pupitre.matching.domain.ranking;

import java.util.EnumMap;
import java.util.Map;

/**
 * The tunable parts of ranking.
 *
 * @param priceTolerance how far above the budget a rate may be and still qualify (0.10 = 10 %)
 * @param weights weight of each scored factor; they sum to 1 so a score lies in [0, 1]
 * @param newcomerThreshold fewer completed engagements than this makes a secretary a newcomer
 * @param newcomerSlots qualified newcomers guaranteed within the first {@code newcomerWindow} results
 * @param priorMean Bayesian prior of the star average (what an unknown secretary is assumed to get)
 * @param priorWeight how many reviews the prior counts for
 */
public record RankingPolicy(double priceTolerance, Map<Factor, Double> weights, int newcomerThreshold, int newcomerSlots,
        int newcomerWindow, double priorMean, double priorWeight) {

    public RankingPolicy {
        weights = Map.copyOf(weights);
    }

    public static RankingPolicy defaults() {
        Map<Factor, Double> weights = new EnumMap<>(Factor.class);
        weights.put(Factor.SKILLS, 0.30);
        weights.put(Factor.PRICE, 0.20);
        weights.put(Factor.CAPACITY, 0.10);
        weights.put(Factor.TURNAROUND, 0.10);
        weights.put(Factor.RESPONSIVENESS, 0.10);
        weights.put(Factor.REPUTATION, 0.20);
        return new RankingPolicy(0.10, weights, 3, 2, 10, 4.0, 10);
    }

    public double weight(Factor factor) {
        return weights.getOrDefault(factor, 0.0);
    }
}
