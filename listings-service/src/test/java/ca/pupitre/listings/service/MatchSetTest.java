package ca.pupitre.listings.service;

import static org.assertj.core.api.Assertions.assertThat;

import ca.pupitre.listings.domain.ListingKind;
import ca.pupitre.listings.domain.PricingUnit;
import ca.pupitre.listings.domain.SearchSort;
import ca.pupitre.listings.repository.SearchCodes;
import ca.pupitre.listings.repository.SearchCriteria;
import ca.pupitre.listings.repository.SearchMatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The in-memory search over one match set answers as the SQL did: PostgreSQL's orders, exact amounts, expiry. */
class MatchSetTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final long LATER = MatchSet.micros(NOW.plusSeconds(86_400));

    private static SearchMatch match(String id, double score, long publishedMicros, long cents, String region, String... skills) {
        UUID uuid = UUID.fromString(id);
        return new SearchMatch(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits(), score, publishedMicros, LATER, cents,
                (byte) PricingUnit.HOUR.ordinal(), (byte) ListingKind.OFFER.ordinal(), (byte) (region == null ? 0 : Integer.parseInt(region)), true,
                SearchCodes.SKILLS.internAll(String.join(",", skills)), SearchCodes.LANGUAGES.internAll("fr"));
    }

    private static SearchCriteria criteria(BigDecimal minRate, BigDecimal maxRate, int limit, Double afterScore,
            Instant afterPublishedAt, BigDecimal afterAmount, String afterId) {
        return new SearchCriteria("x", List.of(), "'x'", null, null, List.of(), List.of(), null, null, null, minRate, maxRate,
                SearchSort.RELEVANCE, NOW, limit, afterScore, afterPublishedAt, afterAmount,
                afterId == null ? null : UUID.fromString(afterId));
    }

    private static List<String> ids(MatchSet.Result result) {
        return result.hits().stream().map(h -> h.id().toString()).toList();
    }

    @Test
    void tiesAreBrokenByTheUuidAsPostgresqlOrdersIt() {
        // PostgreSQL compares uuids as unsigned bytes; Java's UUID.compareTo is signed and would put 8000... first.
        MatchSet set = new MatchSet(List.of(match("80000000-0000-0000-0000-000000000001", 0.5, 1, 100, null),
                match("00000000-0000-0000-0000-000000000002", 0.5, 1, 100, null)), 0);
        assertThat(ids(set.select(criteria(null, null, 10, null, null, null, null), SearchSort.RELEVANCE)))
                .containsExactly("00000000-0000-0000-0000-000000000002", "80000000-0000-0000-0000-000000000001");
        assertThat(ids(set.select(criteria(null, null, 10, null, null, null, null), SearchSort.NEWEST)))
                .containsExactly("80000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002");
        // and the keyset continues after the first one in that order
        assertThat(ids(set.select(criteria(null, null, 10, 0.5, null, null, "00000000-0000-0000-0000-000000000002"),
                SearchSort.RELEVANCE))).containsExactly("80000000-0000-0000-0000-000000000001");
    }

    @Test
    void rateBoundsAndCursorsCompareExactAmounts() {
        MatchSet set = new MatchSet(List.of(match("00000000-0000-0000-0000-000000000001", 0, 1, 2599, null),
                match("00000000-0000-0000-0000-000000000002", 0, 1, 2600, null)), 0);
        assertThat(ids(set.select(criteria(new BigDecimal("25.995"), null, 10, null, null, null, null), SearchSort.RATE)))
                .containsExactly("00000000-0000-0000-0000-000000000002");
        assertThat(ids(set.select(criteria(null, new BigDecimal("25.999"), 10, null, null, null, null), SearchSort.RATE)))
                .containsExactly("00000000-0000-0000-0000-000000000001");
        assertThat(ids(set.select(criteria(new BigDecimal("26"), new BigDecimal("26.00"), 10, null, null, null, null),
                SearchSort.RATE))).containsExactly("00000000-0000-0000-0000-000000000002");
        // a (forged) cursor between two cents: only what costs more comes after it, whatever the id
        assertThat(ids(set.select(criteria(null, null, 10, null, null, new BigDecimal("25.995"),
                "ffffffff-ffff-ffff-ffff-ffffffffffff"), SearchSort.RATE))).containsExactly("00000000-0000-0000-0000-000000000002");
        assertThat(ids(set.select(criteria(null, null, 10, null, null, new BigDecimal("25.99"),
                "00000000-0000-0000-0000-000000000001"), SearchSort.RATE))).containsExactly("00000000-0000-0000-0000-000000000002");
    }

    @Test
    void newestCursorsFinerThanAMicrosecondFallBetweenTwoListings() {
        long t = MatchSet.micros(NOW.minusSeconds(60));
        MatchSet set = new MatchSet(List.of(match("00000000-0000-0000-0000-000000000001", 0, t, 100, null),
                match("00000000-0000-0000-0000-000000000002", 0, t + 1, 100, null)), 0);
        Instant between = MatchSet.micros(t).plusNanos(500);
        assertThat(ids(set.select(criteria(null, null, 10, null, between, null, "00000000-0000-0000-0000-000000000000"),
                SearchSort.NEWEST))).containsExactly("00000000-0000-0000-0000-000000000001");
    }

    @Test
    void countsEveryFilteredMatchNotOnlyThePageAndSkipsExpiredOnes() {
        SearchMatch expired = new SearchMatch(0, 9, 1.0, 1, MatchSet.micros(NOW), 100, (byte) 0, (byte) 0, (byte) 6, true,
                SearchCodes.SKILLS.internAll("excel"), SearchCodes.LANGUAGES.internAll("fr"));
        MatchSet set = new MatchSet(List.of(match("00000000-0000-0000-0000-000000000001", 0.9, 1, 100, "06", "excel", "word"),
                match("00000000-0000-0000-0000-000000000002", 0.8, 1, 100, "06", "excel"),
                match("00000000-0000-0000-0000-000000000003", 0.7, 1, 100, null, "word"), expired), 0);
        MatchSet.Result result = set.select(criteria(null, null, 1, 0.9, null, null, "00000000-0000-0000-0000-000000000001"),
                SearchSort.RELEVANCE);
        assertThat(ids(result)).containsExactly("00000000-0000-0000-0000-000000000002");
        assertThat(result.counts().total()).isEqualTo(3);
        assertThat(result.counts().skills()).containsExactly(java.util.Map.entry("excel", 2L), java.util.Map.entry("word", 2L));
        assertThat(result.counts().regions()).containsExactly(java.util.Map.entry("06", 2L));
        assertThat(result.counts().languages()).containsExactly(java.util.Map.entry("fr", 3L));
    }

    @Test
    void aFilterOnACodeNoListingEverHadMatchesNothing() {
        MatchSet set = new MatchSet(List.of(match("00000000-0000-0000-0000-000000000001", 0.9, 1, 100, null, "excel")), 0);
        SearchCriteria c = new SearchCriteria(null, List.of(), "", null, null, List.of("never-seen-skill-code"), List.of(), null,
                null, null, null, null, SearchSort.NEWEST, NOW, 10, null, null, null, null);
        assertThat(set.select(c, SearchSort.NEWEST).counts().total()).isZero();
    }

    /** PostgreSQL's orders, as the SQL wrote them: uuid ties compared as unsigned bytes. */
    private static java.util.Comparator<SearchMatch> order(SearchSort sort) {
        java.util.Comparator<SearchMatch> byId = (a, b) -> {
            int c = Long.compareUnsigned(a.idHigh(), b.idHigh());
            return c != 0 ? c : Long.compareUnsigned(a.idLow(), b.idLow());
        };
        return switch (sort) {
            case RELEVANCE -> java.util.Comparator.comparingDouble(SearchMatch::score).reversed().thenComparing(byId);
            case NEWEST -> java.util.Comparator.comparingLong(SearchMatch::publishedMicros).reversed().thenComparing(byId.reversed());
            case RATE -> java.util.Comparator.comparingLong(SearchMatch::amountCents).thenComparing(byId);
        };
    }

    @Test
    void pagesFollowPostgresqlsOrderThroughEveryCursor() {
        java.util.Random random = new java.util.Random(7);
        List<SearchMatch> matches = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // few distinct values, so ties (broken by id, high bit set or not) are frequent
            UUID id = new UUID(random.nextInt(3) - 1L, random.nextLong());
            matches.add(new SearchMatch(id.getMostSignificantBits(), id.getLeastSignificantBits(), random.nextInt(3) / 4.0,
                    random.nextInt(3), LATER, random.nextInt(3), (byte) 0, (byte) 0, (byte) 0, true, new int[0], new int[0]));
        }
        MatchSet set = new MatchSet(matches, 0);
        for (SearchSort sort : SearchSort.values()) {
            List<String> expected = matches.stream().sorted(order(sort)).map(m -> m.id().toString()).toList();
            List<String> paged = new java.util.ArrayList<>();
            MatchSet.Hit last = null;
            do {
                SearchCriteria c = new SearchCriteria("x", List.of(), "'x'", null, null, List.of(), List.of(), null, null, null,
                        null, null, sort, NOW, 7, last == null ? null : last.score(), last == null ? null : last.publishedAt(),
                        last == null ? null : last.amount(), last == null ? null : last.id());
                MatchSet.Result page = set.select(c, sort);
                assertThat(page.counts().total()).isEqualTo(matches.size());
                page.hits().forEach(h -> paged.add(h.id().toString()));
                last = page.hits().isEmpty() ? null : page.hits().get(page.hits().size() - 1);
            } while (last != null);
            assertThat(paged).as("sort %s", sort).isEqualTo(expected);
        }
    }

    @Test
    void aPatchDropsTheChangedMatchesAndAddsTheirCurrentVersions() {
        SearchMatch a = match("00000000-0000-0000-0000-00000000000a", 0.9, 1, 100, "06", "excel", "word");
        SearchMatch b = match("00000000-0000-0000-0000-00000000000b", 0.8, 1, 100, null, "word");
        SearchMatch c = match("00000000-0000-0000-0000-00000000000c", 0.7, 1, 100, "03", "excel");
        MatchSet set = new MatchSet(List.of(a, b, c), 5);
        SearchMatch bNow = match("00000000-0000-0000-0000-00000000000b", 0.95, 2, 200, "09", "layout");
        // b changed and still matches, c changed and no longer does, d changed but was never held
        MatchSet next = set.patched(java.util.Set.of(b.id(), c.id(), UUID.fromString("00000000-0000-0000-0000-00000000000d")),
                List.of(bNow), 9);
        MatchSet.Result result = next.select(criteria(null, null, 10, null, null, null, null), SearchSort.RELEVANCE);
        assertThat(ids(result)).containsExactly(bNow.id().toString(), a.id().toString());
        assertThat(result.counts().total()).isEqualTo(2);
        assertThat(result.counts().skills()).containsOnly(java.util.Map.entry("excel", 1L), java.util.Map.entry("word", 1L),
                java.util.Map.entry("layout", 1L));
        assertThat(result.counts().regions()).containsOnly(java.util.Map.entry("06", 1L), java.util.Map.entry("09", 1L));
        assertThat(result.hits().get(0).amount()).isEqualByComparingTo("2.00");
        assertThat(next.seq).isEqualTo(9);
        // the old set is untouched (searches in flight keep reading it)
        assertThat(set.select(criteria(null, null, 10, null, null, null, null), SearchSort.RELEVANCE).counts().total()).isEqualTo(3);
    }
}
