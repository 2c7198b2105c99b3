package ca.pupitre.matching.benchmark;

import ca.pupitre.matching.domain.ranking.Factor;
import ca.pupitre.matching.domain.ranking.ListingFacts;
import ca.pupitre.matching.domain.ranking.Matcher;
import ca.pupitre.matching.domain.ranking.RankingPolicy;
import ca.pupitre.matching.domain.ranking.Ranker;
import ca.pupitre.matching.domain.ranking.SecretaryRecord;
import ca.pupitre.matching.domain.ranking.SkillRelations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The simulation benchmark of the matching issue, on the pure ranking (no database, no HTTP): a synthetic market
 * with a hidden "true fit" per pair, comparing fit-only ranking with the shipped ranking (newcomer slots), and the
 * time to rank 50,000 offers for one request. Run with
 * {@code ./mvnw -pl matching-service test -Dtest=MatchingBenchmark -Dbenchmark=true}; it prints a table.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MatchingBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String[][] CATEGORIES = {
        {"transcription", "layout", "data-entry"},
        {"bookkeeping", "payroll", "invoicing"},
        {"translation", "proofreading"},
        {"legal-docs", "medical-docs", "notarial-docs", "scheduling"}};

    private final Random random = new Random(20261127L);
    private final SkillRelations skills = taxonomy();

    /** A secretary of the synthetic market: her offer, her record, and the quality nobody observes directly. */
    record Secretary(ListingFacts offer, SecretaryRecord record, double hiddenQuality) {
    }

    @Test
    void printsTheSimulationTable() {
        List<Secretary> secretaries = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            secretaries.add(secretary(i < 600));
        }
        List<ListingFacts> requests = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            requests.add(request());
        }
        RankingPolicy shipped = RankingPolicy.defaults();
        RankingPolicy fitOnly = new RankingPolicy(shipped.priceTolerance(), shipped.weights(), shipped.newcomerThreshold(), 0,
                shipped.newcomerWindow(), shipped.priorMean(), shipped.priorWeight());
        Result fit = simulate(new Ranker(new Matcher(fitOnly, skills)), secretaries, requests);
        Result fair = simulate(new Ranker(new Matcher(shipped, skills)), secretaries, requests);

        List<ListingFacts> offers = new ArrayList<>();
        List<Ranker.Candidate> big = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            Secretary s = secretary(i % 10 < 3);
            offers.add(s.offer());
            big.add(new Ranker.Candidate(s.offer(), s.record(), false));
        }
        ListingFacts broad = new ListingFacts(UUID.randomUUID(), "REQUEST", UUID.randomUUID(), "PUBLISHED", Set.of("layout"),
                Set.of("fr"), "HOUR", new BigDecimal("60.00"), null, Duration.ofHours(72), true, "06", "NONE", null);
        Ranker ranker = new Ranker(new Matcher(shipped, skills));
        for (int i = 0; i < 30; i++) {
            ranker.offersFor(broad, big, NOW, 20);
        }
        long[] nanos = new long[200];
        int qualified = 0;
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            qualified = ranker.offersFor(broad, big, NOW, 50_000).size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);

        StringBuilder table = new StringBuilder("\n| ranking | NDCG@10 (true fit) | relative to fit-only | qualified newcomers in a top-10 within the first week |\n|---|---|---|---|\n");
        table.append(row("fit only", fit, fit.ndcg()));
        table.append(row("shipped (2 newcomer slots in the top 10)", fair, fit.ndcg()));
        table.append(String.format(Locale.ROOT, "%nRanking 50,000 offers for one request (%d qualified), pure domain, %d runs: "
                + "p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", qualified, nanos.length, nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.95)] / 1e6, nanos[nanos.length - 1] / 1e6));
        System.out.println(table);
    }

    private static String row(String name, Result r, double baseline) {
        return String.format(Locale.ROOT, "| %s | %.4f | %.1f %% | %d / %d (%.1f %%) |%n", name, r.ndcg(), 100 * r.ndcg() / baseline,
                r.exposedNewcomers(), r.qualifiedNewcomers(), 100.0 * r.exposedNewcomers() / Math.max(1, r.qualifiedNewcomers()));
    }

    record Result(double ndcg, int exposedNewcomers, int qualifiedNewcomers) {
    }

    /** The 500 requests arrive over the newcomers' first week; each is ranked once. */
    private Result simulate(Ranker ranker, List<Secretary> secretaries, List<ListingFacts> requests) {
        Map<UUID, Secretary> byOffer = new HashMap<>();
        List<Ranker.Candidate> candidates = new ArrayList<>();
        for (Secretary s : secretaries) {
            byOffer.put(s.offer().id(), s);
            candidates.add(new Ranker.Candidate(s.offer(), s.record(), false));
        }
        Set<UUID> qualifiedNewcomers = new HashSet<>();
        Set<UUID> exposed = new HashSet<>();
        double ndcgSum = 0;
        int ranked = 0;
        Map<UUID, Integer> exposures = new HashMap<>();
        for (ListingFacts request : requests) {
            List<Ranker.Candidate> current = candidates.stream()
                    .map(c -> new Ranker.Candidate(c.listing(), c.record().withExposures(exposures.getOrDefault(c.listing().id(), 0)), false))
                    .toList();
            List<Ranker.Ranked> all = ranker.offersFor(request, current, NOW, Integer.MAX_VALUE);
            all.stream().limit(10).filter(Ranker.Ranked::newcomer).forEach(r -> exposures.merge(r.listing().id(), 1, Integer::sum));
            if (all.isEmpty()) {
                continue;
            }
            all.stream().filter(Ranker.Ranked::newcomer).forEach(r -> qualifiedNewcomers.add(r.listing().id()));
            all.stream().limit(10).filter(Ranker.Ranked::newcomer).forEach(r -> exposed.add(r.listing().id()));
            double[] truth = all.stream().mapToDouble(r -> trueFit(request, byOffer.get(r.listing().id()))).toArray();
            double[] ideal = truth.clone();
            Arrays.sort(ideal);
            double dcg = 0;
            double idcg = 0;
            for (int i = 0; i < Math.min(10, truth.length); i++) {
                dcg += (Math.pow(2, truth[i]) - 1) / (Math.log(i + 2) / Math.log(2));
                idcg += (Math.pow(2, ideal[ideal.length - 1 - i]) - 1) / (Math.log(i + 2) / Math.log(2));
            }
            ndcgSum += idcg == 0 ? 1 : dcg / idcg;
            ranked++;
        }
        return new Result(ndcgSum / ranked, exposed.size(), qualifiedNewcomers.size());
    }

    /** The hidden truth: how well the pair would really work (skills, price, and the secretary's real quality). */
    private double trueFit(ListingFacts request, Secretary s) {
        long covered = request.skills().stream().filter(k -> s.offer().skills().contains(k)).count();
        double coverage = request.skills().isEmpty() ? 1 : (double) covered / request.skills().size();
        double price = s.offer().amount().doubleValue() <= request.amount().doubleValue() ? 1 : 0.5;
        return 0.3 * coverage + 0.1 * price + 0.6 * s.hiddenQuality();
    }

    private Secretary secretary(boolean newcomer) {
        double quality = random.nextDouble();
        int reviews = newcomer ? random.nextInt(2) : random.nextInt(50);
        int starSum = 0;
        for (int i = 0; i < reviews; i++) {
            starSum += (int) Math.max(1, Math.min(5, Math.round(3 + 2 * quality + random.nextGaussian() * 0.7)));
        }
        int received = newcomer ? random.nextInt(3) : 5 + random.nextInt(40);
        int answered = (int) Math.round(received * (0.5 + 0.5 * quality));
        SecretaryRecord record = new SecretaryRecord(newcomer ? random.nextInt(3) : 3 + random.nextInt(60), received, answered,
                received == 0 ? null : 2 + 60 * (1 - quality) * random.nextDouble(), reviews, starSum);
        ListingFacts offer = new ListingFacts(UUID.randomUUID(), "OFFER", UUID.randomUUID(), "PUBLISHED", randomSkills(1 + random.nextInt(4)),
                random.nextInt(10) < 6 ? Set.of("fr") : random.nextInt(4) < 3 ? Set.of("fr", "en") : Set.of("en"), "HOUR",
                BigDecimal.valueOf(25 + random.nextInt(41)).setScale(2), 5 + random.nextInt(36),
                Duration.ofHours(12 + random.nextInt(109)), random.nextInt(10) < 8, region(),
                random.nextInt(10) == 0 ? "LEGAL" : random.nextInt(20) == 0 ? "MEDICAL" : "NONE", null);
        return new Secretary(offer, record, quality);
    }

    private ListingFacts request() {
        return new ListingFacts(UUID.randomUUID(), "REQUEST", UUID.randomUUID(), "PUBLISHED", randomSkills(1 + random.nextInt(2)),
                random.nextInt(10) < 8 ? Set.of("fr") : Set.of("en"), "HOUR", BigDecimal.valueOf(30 + random.nextInt(41)).setScale(2),
                random.nextBoolean() ? null : 5 + random.nextInt(16), Duration.ofHours(24 + random.nextInt(97)),
                random.nextInt(100) < 85, region(), random.nextInt(10) == 0 ? "LEGAL" : "NONE", null);
    }

    private Set<String> randomSkills(int count) {
        String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        Set<String> chosen = new HashSet<>();
        while (chosen.size() < Math.min(count, category.length)) {
            chosen.add(category[random.nextInt(category.length)]);
        }
        return chosen;
    }

    private String region() {
        return String.format(Locale.ROOT, "%02d", 1 + random.nextInt(17));
    }

    private static SkillRelations taxonomy() {
        List<SkillRelations.Skill> list = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.length; c++) {
            for (String code : CATEGORIES[c]) {
                list.add(new SkillRelations.Skill(code, "category-" + c, List.of(code)));
            }
        }
        return new SkillRelations(list);
    }

    static {
        // keep the factor list in sight: the benchmark uses the shipped weights
        assert Factor.values().length > 0;
    }
}
