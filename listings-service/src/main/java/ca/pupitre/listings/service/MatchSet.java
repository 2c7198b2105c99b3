package ca.pupitre.listings.service;

import ca.pupitre.listings.domain.SearchSort;
import ca.pupitre.listings.repository.SearchCodes;
import ca.pupitre.listings.repository.SearchCriteria;
import ca.pupitre.listings.repository.SearchMatch;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The published listings that match one text query (or all published listings), each with its score
 * as PostgreSQL computed it ({@code ts_rank}, plus the trigram bonus in typo mode) and the few columns
 * search filters, sorts and counts on. Immutable: a change makes a new set ({@link #patched}).
 *
 * <p>{@link #select} answers one search over it in a single pass: the same filters, keyset order and
 * facet counts as the SQL of earlier versions (kept in {@code bench/pgbench/*.sql}), so a set loaded once
 * serves every filter, sort and page of its text.
 *
 * <p>Stored by column (one primitive array per field, skills and languages as offsets into one int
 * array): a search reads every match, and walking arrays in order is several times faster than
 * following one object per match (measured: the object layout spent most of the service's CPU there).
 */
final class MatchSet {

    /** One row of a page, with the keys its cursor needs. */
    record Hit(UUID id, double score, Instant publishedAt, BigDecimal amount) {
    }

    record Counts(long total, Map<String, Long> skills, Map<String, Long> languages, Map<String, Long> regions) {
    }

    record Result(List<Hit> hits, Counts counts) {
    }

    static final int REGIONS = 17;

    /** The change-feed position this set is exact at. */
    final long seq;
    private final int size;
    private final long[] idHigh;
    private final long[] idLow;
    private final double[] score;
    private final long[] published;
    private final long[] expires;
    private final long[] amount;
    private final byte[] unit;
    private final byte[] kind;
    private final byte[] region;
    private final boolean[] remote;
    /** Skills of match i: {@code skillCodes[skillStart[i] .. skillStart[i + 1])}; same for languages. */
    private final int[] skillStart;
    private final int[] skillCodes;
    private final int[] languageStart;
    private final int[] languageCodes;

    MatchSet(Collection<SearchMatch> matches, long seq) {
        this(seq, matches.size(), matches.stream().mapToInt(m -> m.skills().length).sum(),
                matches.stream().mapToInt(m -> m.languages().length).sum());
        int i = 0;
        for (SearchMatch m : matches) {
            put(i++, m);
        }
        close(i);
    }

    /** Empty columns for {@code size} matches, filled by {@link #put} or {@link #copy}, then {@link #close}d. */
    private MatchSet(long seq, int size, int skillTotal, int languageTotal) {
        this.seq = seq;
        this.size = size;
        idHigh = new long[size];
        idLow = new long[size];
        score = new double[size];
        published = new long[size];
        expires = new long[size];
        amount = new long[size];
        unit = new byte[size];
        kind = new byte[size];
        region = new byte[size];
        remote = new boolean[size];
        skillStart = new int[size + 1];
        languageStart = new int[size + 1];
        skillCodes = new int[skillTotal];
        languageCodes = new int[languageTotal];
    }

    /** Match {@code i} from a row; matches are filled in order, each after the one before. */
    private void put(int i, SearchMatch m) {
        idHigh[i] = m.idHigh();
        idLow[i] = m.idLow();
        score[i] = m.score();
        published[i] = m.publishedMicros();
        expires[i] = m.expiresMicros();
        amount[i] = m.amountCents();
        unit[i] = m.unit();
        kind[i] = m.kind();
        region[i] = m.region();
        remote[i] = m.remote();
        skillStart[i + 1] = append(skillCodes, skillStart[i], m.skills(), 0, m.skills().length);
        languageStart[i + 1] = append(languageCodes, languageStart[i], m.languages(), 0, m.languages().length);
    }

    /** Match {@code i} from match {@code j} of {@code from}; same order rule as {@link #put}. */
    private void copy(int i, MatchSet from, int j) {
        idHigh[i] = from.idHigh[j];
        idLow[i] = from.idLow[j];
        score[i] = from.score[j];
        published[i] = from.published[j];
        expires[i] = from.expires[j];
        amount[i] = from.amount[j];
        unit[i] = from.unit[j];
        kind[i] = from.kind[j];
        region[i] = from.region[j];
        remote[i] = from.remote[j];
        skillStart[i + 1] = append(skillCodes, skillStart[i], from.skillCodes, from.skillStart[j], from.skillStart[j + 1]);
        languageStart[i + 1] = append(languageCodes, languageStart[i], from.languageCodes, from.languageStart[j],
                from.languageStart[j + 1]);
    }

    private static int append(int[] to, int at, int[] from, int start, int end) {
        System.arraycopy(from, start, to, at, end - start);
        return at + end - start;
    }

    private void close(int filled) {
        if (filled != size) {
            throw new IllegalStateException("filled " + filled + " of " + size);
        }
    }

    int size() {
        return size;
    }

    /** A copy without the {@code changed} listings, plus {@code current} (their matching versions now). */
    MatchSet patched(Set<UUID> changed, Collection<SearchMatch> current, long newSeq) {
        Set<Long> changedHigh = new HashSet<>();
        changed.forEach(id -> changedHigh.add(id.getMostSignificantBits()));
        boolean[] drop = new boolean[size];
        int kept = 0;
        int skillTotal = 0;
        int languageTotal = 0;
        for (int i = 0; i < size; i++) {
            drop[i] = changedHigh.contains(idHigh[i]) && changed.contains(new UUID(idHigh[i], idLow[i]));
            if (!drop[i]) {
                kept++;
                skillTotal += skillStart[i + 1] - skillStart[i];
                languageTotal += languageStart[i + 1] - languageStart[i];
            }
        }
        for (SearchMatch m : current) {
            skillTotal += m.skills().length;
            languageTotal += m.languages().length;
        }
        MatchSet next = new MatchSet(Math.max(seq, newSeq), kept + current.size(), skillTotal, languageTotal);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!drop[i]) {
                next.copy(n++, this, i);
            }
        }
        for (SearchMatch m : current) {
            next.put(n++, m);
        }
        next.close(n);
        return next;
    }

    /**
     * One search: the filters of {@code c}, {@code c.limit()} rows after its keyset position in
     * {@code sort} order, and the total and facets over every match of the filters (not only the page).
     */
    Result select(SearchCriteria c, SearchSort sort) {
        Filter f = new Filter(c);
        long[] skillCounts = new long[SearchCodes.SKILLS.size()];
        long[] languageCounts = new long[SearchCodes.LANGUAGES.size()];
        long[] regionCounts = new long[REGIONS + 1];
        long total = 0;
        After after = After.of(c, sort);
        int limit = c.limit();
        // the page so far, best first (limit is at most a hundred and one: insertion is cheap and rare)
        int[] page = new int[limit];
        int count = 0;
        if (!f.impossible) {
            for (int i = 0; i < size; i++) {
                if (expires[i] <= f.now
                        || (f.kind >= 0 && kind[i] != f.kind)
                        || (f.unit >= 0 && unit[i] != f.unit)
                        || (f.region >= 0 && region[i] != f.region)
                        || (f.remote != null && remote[i] != f.remote)
                        || amount[i] < f.minCents || amount[i] > f.maxCents
                        || !containsAll(skillCodes, skillStart[i], skillStart[i + 1], f.skills)
                        || !containsAll(languageCodes, languageStart[i], languageStart[i + 1], f.languages)) {
                    continue;
                }
                total++;
                for (int k = skillStart[i]; k < skillStart[i + 1]; k++) {
                    skillCounts[skillCodes[k]]++;
                }
                for (int k = languageStart[i]; k < languageStart[i + 1]; k++) {
                    languageCounts[languageCodes[k]]++;
                }
                regionCounts[region[i]]++;
                if ((after == null || after.precedes(this, i)) && (count < limit || comesFirst(sort, i, page[count - 1]))) {
                    int at = count < limit ? count++ : count - 1;
                    while (at > 0 && comesFirst(sort, i, page[at - 1])) {
                        page[at] = page[at - 1];
                        at--;
                    }
                    page[at] = i;
                }
            }
        }
        List<Hit> hits = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int i = page[k];
            hits.add(new Hit(new UUID(idHigh[i], idLow[i]), score[i], micros(published[i]), BigDecimal.valueOf(amount[i], 2)));
        }
        return new Result(hits, new Counts(total, facet(SearchCodes.SKILLS, skillCounts), facet(SearchCodes.LANGUAGES,
                languageCounts), regions(regionCounts)));
    }

    /** PostgreSQL's order for each sort: score desc, id; published desc, id desc; amount, id (uuids as unsigned bytes). */
    private boolean comesFirst(SearchSort sort, int a, int b) {
        return switch (sort) {
            case RELEVANCE -> score[a] > score[b] || (score[a] == score[b] && compareIds(a, idHigh[b], idLow[b]) < 0);
            case NEWEST -> published[a] > published[b] || (published[a] == published[b] && compareIds(a, idHigh[b], idLow[b]) > 0);
            case RATE -> amount[a] < amount[b] || (amount[a] == amount[b] && compareIds(a, idHigh[b], idLow[b]) < 0);
        };
    }

    private int compareIds(int a, long high, long low) {
        int c = Long.compareUnsigned(idHigh[a], high);
        return c != 0 ? c : Long.compareUnsigned(idLow[a], low);
    }

    private static boolean containsAll(int[] codes, int from, int to, int[] wanted) {
        for (int w : wanted) {
            boolean found = false;
            for (int k = from; k < to; k++) {
                if (codes[k] == w) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Long> facet(SearchCodes codes, long[] counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                out.put(codes.code(i), counts[i]);
            }
        }
        return sortByCount(out);
    }

    private static Map<String, Long> regions(long[] counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 1; i <= REGIONS; i++) {
            if (counts[i] > 0) {
                out.put(i < 10 ? "0" + i : Integer.toString(i), counts[i]);
            }
        }
        return sortByCount(out);
    }

    private static Map<String, Long> sortByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    static long cents(BigDecimal value, RoundingMode rounding) {
        return value.movePointRight(2).setScale(0, rounding).longValueExact();
    }

    /** The WHERE clause of a search, with codes and amounts in the set's terms. */
    private static final class Filter {
        final long now;
        final int kind;
        final int unit;
        final int[] skills;
        final int[] languages;
        final int region;
        final Boolean remote;
        final long minCents;
        final long maxCents;
        /** A filter on a code no listing ever had: nothing can match. */
        final boolean impossible;

        Filter(SearchCriteria c) {
            now = micros(c.now());
            kind = c.kind() == null ? -1 : c.kind().ordinal();
            unit = c.unit() == null ? -1 : c.unit().ordinal();
            skills = codes(SearchCodes.SKILLS, c.skills());
            languages = codes(SearchCodes.LANGUAGES, c.languages());
            region = c.region() == null ? -1 : Integer.parseInt(c.region());
            remote = c.remote();
            // amount >= min  <=>  cents >= ceil(min * 100);  amount <= max  <=>  cents <= floor(max * 100)
            minCents = c.minRate() == null ? Long.MIN_VALUE : cents(c.minRate(), RoundingMode.CEILING);
            maxCents = c.maxRate() == null ? Long.MAX_VALUE : cents(c.maxRate(), RoundingMode.FLOOR);
            impossible = skills == null || languages == null;
        }

        private static int[] codes(SearchCodes codes, List<String> wanted) {
            Set<Integer> out = new HashSet<>();
            for (String code : wanted) {
                int i = codes.find(code);
                if (i < 0) {
                    return null;
                }
                out.add(i);
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The keyset position of a cursor: which matches come after the last row of the previous page. */
    private record After(SearchSort sort, double score, long publishedMicros, boolean subMicro, long amountFloor,
            boolean amountExact, long idHigh, long idLow) {

        static After of(SearchCriteria c, SearchSort sort) {
            if (c.afterId() == null) {
                return null;
            }
            long high = c.afterId().getMostSignificantBits();
            long low = c.afterId().getLeastSignificantBits();
            return switch (sort) {
                case RELEVANCE -> new After(sort, c.afterScore(), 0, false, 0, false, high, low);
                // a cursor time finer than PostgreSQL's microseconds lies strictly between two of them
                case NEWEST -> new After(sort, 0, micros(c.afterPublishedAt()), c.afterPublishedAt().getNano() % 1_000 != 0,
                        0, false, high, low);
                // likewise an amount finer than a cent: cents > amount <=> cents > floor(amount), never equal
                case RATE -> {
                    long floor = cents(c.afterAmount(), RoundingMode.FLOOR);
                    yield new After(sort, 0, 0, false, floor, c.afterAmount().movePointRight(2).compareTo(BigDecimal.valueOf(floor)) == 0,
                            high, low);
                }
            };
        }

        /** True when match {@code i} comes after the cursor (the SQL keyset condition of each sort). */
        boolean precedes(MatchSet set, int i) {
            return switch (sort) {
                case RELEVANCE -> set.score[i] < score || (set.score[i] == score && set.compareIds(i, idHigh, idLow) > 0);
                case NEWEST -> set.published[i] < publishedMicros
                        || (set.published[i] == publishedMicros && (subMicro || set.compareIds(i, idHigh, idLow) < 0));
                case RATE -> set.amount[i] > amountFloor
                        || (amountExact && set.amount[i] == amountFloor && set.compareIds(i, idHigh, idLow) > 0);
            };
        }
    }

    @Override
    public String toString() {
        return "MatchSet[" + size + " at " + seq + "]";
    }
}
