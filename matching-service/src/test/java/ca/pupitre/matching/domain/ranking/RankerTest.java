package ca.pupitre.matching.domain.ranking;

import static ca.pupitre.matching.domain.ranking.MarketFixtures.NOW;
import static ca.pupitre.matching.domain.ranking.MarketFixtures.SKILLS;
import static ca.pupitre.matching.domain.ranking.MarketFixtures.offer;
import static ca.pupitre.matching.domain.ranking.MarketFixtures.request;
import static ca.pupitre.matching.domain.ranking.MarketFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RankerTest {

    private final Matcher matcher = new Matcher(RankingPolicy.defaults(), SKILLS);
    private final Ranker ranker = new Ranker(matcher);

    @Test
    void newcomersGetTwoOfTheTopTenInOrderOfFitAtTheEndOfTheWindow() {
        ListingFacts request = request(Set.of("layout"), "40.00");
        List<Ranker.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            candidates.add(new Ranker.Candidate(offer(Set.of("layout"), "30.00"), MarketFixtures.established(40, 4.8), false));
        }
        ListingFacts bestNewcomer = offer(Set.of("layout"), "39.00");
        ListingFacts secondNewcomer = offer(Set.of("layout"), "42.00");
        ListingFacts thirdNewcomer = offer(Set.of("layout"), "43.00");
        candidates.add(new Ranker.Candidate(thirdNewcomer, SecretaryRecord.NONE, false));
        candidates.add(new Ranker.Candidate(secondNewcomer, SecretaryRecord.NONE, false));
        candidates.add(new Ranker.Candidate(bestNewcomer, SecretaryRecord.NONE, false));

        List<Ranker.Ranked> ranked = ranker.offersFor(request, candidates, NOW, 20);

        assertThat(ranked).hasSize(18);
        List<Ranker.Ranked> top = ranked.subList(0, 10);
        assertThat(top.stream().filter(Ranker.Ranked::newcomer).map(r -> r.listing().id()).toList())
                .containsExactly(bestNewcomer.id(), secondNewcomer.id());
        assertThat(top.subList(8, 10)).allMatch(Ranker.Ranked::promoted);
        assertThat(top.subList(0, 8)).noneMatch(Ranker.Ranked::newcomer);
        assertThat(ranked.subList(10, 18)).extracting(r -> r.listing().id()).contains(thirdNewcomer.id());
        assertThat(ranked.stream().map(r -> r.listing().id()).collect(Collectors.toSet())).hasSize(18);
    }

    @Test
    void aNewcomerWhoBreaksAHardRuleIsNeverPromoted() {
        ListingFacts request = request(Set.of("layout"), "40.00");
        List<Ranker.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            candidates.add(new Ranker.Candidate(offer(Set.of("layout"), "30.00"), MarketFixtures.established(40, 4.8), false));
        }
        candidates.add(new Ranker.Candidate(offer(Set.of("layout"), "45.00"), SecretaryRecord.NONE, false));
        candidates.add(new Ranker.Candidate(with(offer(Set.of("layout"), "30.00"), "languages", Set.of("en")), SecretaryRecord.NONE, false));
        candidates.add(new Ranker.Candidate(offer(Set.of("layout"), "30.00"), SecretaryRecord.NONE, true));

        List<Ranker.Ranked> ranked = ranker.offersFor(request, candidates, NOW, 20);

        assertThat(ranked).hasSize(12).noneMatch(Ranker.Ranked::newcomer);
    }

    @Test
    void newcomersWhoEarnTheirPlaceAreNotMovedDown() {
        ListingFacts request = request(Set.of("layout"), "40.00");
        List<Ranker.Candidate> candidates = new ArrayList<>();
        ListingFacts strongNewcomer = offer(Set.of("layout"), "20.00");
        candidates.add(new Ranker.Candidate(strongNewcomer, new SecretaryRecord(2, 5, 5, 1.0, 2, 10), false));
        for (int i = 0; i < 12; i++) {
            candidates.add(new Ranker.Candidate(offer(Set.of("layout"), "35.00"), MarketFixtures.established(5, 4.0), false));
        }
        ListingFacts weakNewcomer = offer(Set.of("layout"), "44.00");
        candidates.add(new Ranker.Candidate(weakNewcomer, SecretaryRecord.NONE, false));

        List<Ranker.Ranked> ranked = ranker.offersFor(request, candidates, NOW, 10);

        assertThat(ranked).hasSize(10);
        assertThat(ranked.get(0).listing().id()).isEqualTo(strongNewcomer.id());
        assertThat(ranked.get(0).promoted()).isFalse();
        assertThat(ranked.get(9).listing().id()).isEqualTo(weakNewcomer.id());
        assertThat(ranked.get(9).promoted()).isTrue();
    }

    @Test
    void promotedSlotsRotateToTheNewcomersShownLeast() {
        ListingFacts request = request(Set.of("layout"), "40.00");
        List<Ranker.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            candidates.add(new Ranker.Candidate(offer(Set.of("layout"), "30.00"), MarketFixtures.established(40, 4.8), false));
        }
        ListingFacts shownOften = offer(Set.of("layout"), "39.00");
        ListingFacts shownOnce = offer(Set.of("layout"), "41.00");
        ListingFacts neverShown = offer(Set.of("layout"), "43.00");
        candidates.add(new Ranker.Candidate(shownOften, SecretaryRecord.NONE.withExposures(5), false));
        candidates.add(new Ranker.Candidate(shownOnce, SecretaryRecord.NONE.withExposures(1), false));
        candidates.add(new Ranker.Candidate(neverShown, SecretaryRecord.NONE, false));

        List<Ranker.Ranked> top = ranker.offersFor(request, candidates, NOW, 10);

        assertThat(top.subList(8, 10)).extracting(r -> r.listing().id()).containsExactly(shownOnce.id(), neverShown.id());
    }

    @Test
    void anUnseenNewcomerGetsAShowingEvenWhenSeenNewcomersAlreadyFillTheGuarantee() {
        ListingFacts request = request(Set.of("layout"), "40.00");
        List<Ranker.Candidate> candidates = new ArrayList<>();
        ListingFacts seenA = offer(Set.of("layout"), "20.00");
        ListingFacts seenB = offer(Set.of("layout"), "21.00");
        candidates.add(new Ranker.Candidate(seenA, new SecretaryRecord(2, 5, 5, 1.0, 2, 10), false));
        candidates.add(new Ranker.Candidate(seenB, new SecretaryRecord(2, 5, 5, 1.0, 2, 10), false));
        for (int i = 0; i < 12; i++) {
            candidates.add(new Ranker.Candidate(offer(Set.of("layout"), "35.00"), MarketFixtures.established(5, 4.0), false));
        }
        ListingFacts unseen = offer(Set.of("layout"), "44.00");
        candidates.add(new Ranker.Candidate(unseen, SecretaryRecord.NONE, false));

        List<Ranker.Ranked> top = ranker.offersFor(request, candidates, NOW, 10);

        assertThat(top).hasSize(10);
        // both seen newcomers keep the places they earned (their order between them is a tie broken by id)
        assertThat(top.subList(0, 2)).extracting(r -> r.listing().id()).containsExactlyInAnyOrder(seenA.id(), seenB.id());
        assertThat(top.get(9).listing().id()).isEqualTo(unseen.id());
        assertThat(top.get(9).promoted()).isTrue();
        assertThat(top.stream().filter(Ranker.Ranked::newcomer).count()).isEqualTo(3);
    }

    @RepeatedTest(5)
    void inARandomMarketNoRankedOfferBreaksAHardRuleAndEveryQualifiedOneIsRanked() {
        Random random = new Random();
        List<String> skillPool = List.of("layout", "transcription", "bookkeeping", "payroll");
        for (int r = 0; r < 20; r++) {
            ListingFacts request = randomListing(random, "REQUEST", skillPool);
            List<Ranker.Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                SecretaryRecord record = new SecretaryRecord(random.nextInt(6), random.nextInt(10), random.nextInt(5),
                        random.nextBoolean() ? null : random.nextDouble() * 80, random.nextInt(30), 0);
                record = new SecretaryRecord(record.completedEngagements(), record.invitationsReceived(),
                        Math.min(record.invitationsAnswered(), record.invitationsReceived()), record.averageAnswerHours(),
                        record.reviewCount(), record.reviewCount() * (1 + random.nextInt(5)));
                candidates.add(new Ranker.Candidate(randomListing(random, "OFFER", skillPool), record, random.nextInt(20) == 0));
            }
            List<Ranker.Ranked> ranked = ranker.offersFor(request, candidates, NOW, 300);
            long qualified = candidates.stream().filter(c -> matcher.broken(request, c.listing(), c.blocked(), NOW).isEmpty()).count();
            assertThat(ranked).hasSize((int) qualified);
            for (Ranker.Ranked result : ranked) {
                Ranker.Candidate candidate = candidates.stream().filter(c -> c.listing() == result.listing()).findFirst().orElseThrow();
                assertThat(matcher.broken(request, result.listing(), candidate.blocked(), NOW)).isEmpty();
                assertThat(result.fit().score()).isCloseTo(result.fit().parts().stream().mapToDouble(Part::contribution).sum(), org.assertj.core.api.Assertions.within(1e-9));
            }
            long newcomersQualified = ranked.stream().filter(Ranker.Ranked::newcomer).count();
            long newcomersTop = ranked.stream().limit(10).filter(Ranker.Ranked::newcomer).count();
            assertThat(newcomersTop).isGreaterThanOrEqualTo(Math.min(2, Math.min(newcomersQualified, Math.min(10, ranked.size()))));
        }
    }

    private static ListingFacts randomListing(Random random, String kind, List<String> pool) {
        Set<String> skills = pool.stream().filter(s -> random.nextInt(3) == 0).collect(Collectors.toSet());
        Set<String> languages = random.nextInt(4) == 0 ? Set.of("en") : random.nextBoolean() ? Set.of("fr") : Set.of("fr", "en");
        return new ListingFacts(UUID.randomUUID(), kind, UUID.randomUUID(), random.nextInt(15) == 0 ? "CLOSED" : "PUBLISHED",
                skills, languages, random.nextInt(10) == 0 ? "PAGE" : "HOUR", BigDecimal.valueOf(20 + random.nextInt(40)),
                random.nextBoolean() ? null : 5 + random.nextInt(30), Duration.ofHours(12 + random.nextInt(100)),
                random.nextBoolean(), String.format("%02d", 1 + random.nextInt(17)),
                random.nextInt(5) == 0 ? "LEGAL" : "NONE", NOW.plusSeconds(3600));
    }
}
