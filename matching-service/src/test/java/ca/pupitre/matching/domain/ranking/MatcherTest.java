package ca.pupitre.matching.domain.ranking;

import static ca.pupitre.matching.domain.ranking.MarketFixtures.NOW;
import static ca.pupitre.matching.domain.ranking.MarketFixtures.SKILLS;
import static ca.pupitre.matching.domain.ranking.MarketFixtures.offer;
import static ca.pupitre.matching.domain.ranking.MarketFixtures.request;
import static ca.pupitre.matching.domain.ranking.MarketFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private final Matcher matcher = new Matcher(RankingPolicy.defaults(), SKILLS);

    @Test
    void aFittingOfferBreaksNoRule() {
        assertThat(matcher.broken(request(Set.of("layout"), "40.00"), offer(Set.of("layout"), "38.00"), false, NOW)).isEmpty();
    }

    @Test
    void rateMayExceedTheBudgetByTheToleranceOnly() {
        ListingFacts request = request(Set.of("layout"), "40.00");
        assertThat(matcher.broken(request, offer(Set.of("layout"), "44.00"), false, NOW)).isEmpty();
        assertThat(matcher.broken(request, offer(Set.of("layout"), "44.01"), false, NOW)).containsExactly(HardRule.RATE);
        assertThat(matcher.broken(request, with(offer(Set.of("layout"), "1.00"), "unit", "PAGE"), false, NOW))
                .containsExactly(HardRule.RATE);
    }

    @Test
    void eachHardRuleExcludes() {
        ListingFacts request = request(Set.of("layout"), "40.00");
        ListingFacts good = offer(Set.of("layout"), "38.00");
        assertThat(matcher.broken(request, offer(Set.of("bookkeeping"), "38.00"), false, NOW)).containsExactly(HardRule.SKILLS);
        assertThat(matcher.broken(request, with(good, "languages", Set.of("en")), false, NOW)).containsExactly(HardRule.LANGUAGE);
        assertThat(matcher.broken(request, with(good, "hours", 5), false, NOW)).containsExactly(HardRule.HOURS);
        assertThat(matcher.broken(with(request, "remote", false), with(good, "region", "03"), false, NOW))
                .containsExactly(HardRule.REGION);
        assertThat(matcher.broken(with(request, "remote", false), good, false, NOW)).isEmpty();
        assertThat(matcher.broken(with(request, "confidentiality", "LEGAL"), good, false, NOW))
                .containsExactly(HardRule.CONFIDENTIALITY);
        assertThat(matcher.broken(with(request, "confidentiality", "LEGAL"), with(good, "confidentiality", "LEGAL"), false, NOW)).isEmpty();
        assertThat(matcher.broken(request, good, true, NOW)).containsExactly(HardRule.NOT_BLOCKED);
        assertThat(matcher.broken(request, with(good, "status", "CLOSED"), false, NOW)).containsExactly(HardRule.OPEN);
        assertThat(matcher.broken(request, with(good, "expiresAt", NOW.minusSeconds(1)), false, NOW)).containsExactly(HardRule.OPEN);
    }

    @Test
    void synonymsAreTheSameSkillAndRelatedSkillsCountHalf() {
        ListingFacts request = request(Set.of("layout", "transcription"), "40.00");
        Fit viaSynonym = matcher.fit(request, offer(Set.of("Mise en page", "typing"), "38.00"), SecretaryRecord.NONE);
        assertThat(viaSynonym.parts().get(0).value()).isEqualTo(1.0);
        ListingFacts onlyLayout = offer(Set.of("layout"), "38.00");
        assertThat(matcher.broken(request, onlyLayout, false, NOW)).isEmpty();
        assertThat(matcher.fit(request, onlyLayout, SecretaryRecord.NONE).parts().get(0).value()).isEqualTo(0.75);
    }

    @Test
    void oneFiveStarReviewDoesNotBeatFortyReviewsAtFourPointEight() {
        assertThat(matcher.bayesianStars(new SecretaryRecord(1, 0, 0, null, 1, 5)))
                .isLessThan(matcher.bayesianStars(new SecretaryRecord(40, 0, 0, null, 40, 192)));
    }

    @Test
    void theExplanationsPartsSumToTheScore() {
        Fit fit = matcher.fit(request(Set.of("layout", "payroll"), "40.00"), offer(Set.of("layout", "bookkeeping"), "43.00"),
                MarketFixtures.established(12, 4.6));
        double sum = fit.parts().stream().mapToDouble(p -> p.weight() * p.value()).sum();
        assertThat(fit.score()).isCloseTo(sum, within(1e-12));
        assertThat(fit.score()).isBetween(0.0, 1.0);
        assertThat(fit.parts().stream().mapToDouble(Part::weight).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void explainsInTheCallersLanguage() {
        Fit fit = matcher.fit(request(Set.of("layout"), "40.00"), offer(Set.of("layout"), "38.00"), SecretaryRecord.NONE);
        Part price = fit.parts().stream().filter(p -> p.factor() == Factor.PRICE).findFirst().orElseThrow();
        assertThat(ReasonTexts.text(price, Locale.forLanguageTag("fr-CA"))).contains("38,00 $ de l'heure").contains("40,00 $");
        assertThat(ReasonTexts.text(price, Locale.forLanguageTag("en-CA"))).contains("$38.00 per hour").contains("within budget");
    }
}
