package ca.pupitre.listings.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a person typed into a Lucene query, programmatically: the text goes through the analysis
 * chains (never through a query parser), so no character of it is syntax.
 *
 * <p>Per language, against that language's fields:
 * <ul>
 * <li><b>match</b> ({@code all_*}): any of the query's meaningful words (and their synonyms, a multi-word
 * synonym as a phrase), with a minimum that grows with the query's length ({@link #minimumToMatch}): a
 * long plain-language request matches the listings that answer part of it, ranked by how much.</li>
 * <li><b>boosts</b>: the same words in the title (×{@value #TITLE_BOOST}), a skill the text names
 * (×{@value #SKILLS_BOOST}, a term lookup of the listing's skill codes), and each pair of neighbouring words
 * close together in the text (proximity).</li>
 * <li><b>typos</b>: a word that is not in the index vocabulary matches the words within an edit distance
 * scaled by its length (transpositions count as one edit), weighted ×{@value #TYPO_WEIGHT}, so exact
 * matches always rank above.</li>
 * </ul>
 * The two languages are combined with a dis-max: a listing scores by its better language.
 */
final class ListingQuery {

    static final float TITLE_BOOST = 2.0f;
    static final float SKILLS_BOOST = 3.0f;
    static final float PROXIMITY_BOOST = 0.6f;
    static final float TYPO_WEIGHT = 0.35f;
    static final float OTHER_LANGUAGE_TIE = 0.2f;
    private static final int PROXIMITY_SLOP = 2;
    private static final int MAX_PAIRS = 8;

    private final Map<ListingLanguage, Analyzer> queryChains;
    private final Map<ListingLanguage, Analyzer> indexChains;
    private final Set<String> multiWordNames;
    private final Analyzer keys = Chains.synonymKeys();
    private final int longestName;

    /** {@code multiWordNames}: the names of several words of the synonym sources (see {@link Synonyms#multiWordNames}). */
    ListingQuery(Map<ListingLanguage, Analyzer> queryChains, Map<ListingLanguage, Analyzer> indexChains,
            Set<String> multiWordNames) {
        this.queryChains = queryChains;
        this.indexChains = indexChains;
        this.multiWordNames = multiWordNames;
        this.longestName = multiWordNames.stream().mapToInt(n -> n.split(" ").length).max().orElse(0);
    }

    /** Whether the text holds a name of several words ("répondre au téléphone", "tenue de livres"). */
    boolean namesATask(String text) {
        if (longestName < 2) {
            return false;
        }
        List<String> words = Synonyms.words(keys, text);
        for (int from = 0; from < words.size(); from++) {
            for (int to = from + 2; to <= Math.min(words.size(), from + longestName); to++) {
                if (multiWordNames.contains(String.join(" ", words.subList(from, to)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Of n optional words, how many a listing must contain: all of one or two, two of three, then about a
     * third (at least two), so that a long plain-language request finds what answers part of it.
     */
    static int minimumToMatch(int words) {
        if (words <= 2) {
            return words;
        }
        return Math.max(2, Math.round(words * 0.34f));
    }

    private static boolean hasSynonyms(Analyzer chain, String field, String text) {
        try (TokenStream stream = chain.tokenStream(field, text)) {
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            boolean found = false;
            while (stream.incrementToken()) {
                found |= SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
            }
            stream.end();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits allowed for a word of this length (as typed): none under 4 letters, 1 up to 7, then 2. */
    static int maxEdits(int length) {
        return length < 4 ? 0 : length < 8 ? 1 : 2;
    }

    /**
     * A text's two queries: {@code matching} decides which listings match (it counts the total and the
     * facets, unscored), {@code scored} ranks them (the same matches, plus the boosts).
     */
    record Built(Query matching, Query scored) {
    }

    /** The queries for {@code text}, or null when nothing meaningful is left (only stop words). */
    Built build(String text, List<String> namedSkills, IndexReader reader) {
        List<Query> matching = new ArrayList<>();
        List<Query> scored = new ArrayList<>();
        Map<ListingLanguage, Typed> typed = new EnumMap<>(ListingLanguage.class);
        for (ListingLanguage language : ListingLanguage.values()) {
            typed.put(language, typed(language, text));
        }
        Map<String, Integer> typos = typos(typed, reader);
        String joined = Text.withHyphensJoined(text);
        boolean namesATask = namesATask(text) || (!joined.equals(text) && namesATask(joined));
        for (ListingLanguage language : ListingLanguage.values()) {
            Analyzer chain = queryChains.get(language);
            Query match = match(language, text, typos, namesATask);
            if (!joined.equals(text)) {
                // ...or with its hyphenated words written as one ("book-keeping" → "bookkeeping")
                Query alternative = match(language, joined, typos, namesATask);
                match = match == null ? alternative : alternative == null ? match
                        : new BooleanQuery.Builder().add(match, Occur.SHOULD).add(alternative, Occur.SHOULD).build();
            }
            if (match == null) {
                continue;
            }
            matching.add(match);
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(match, Occur.MUST);
            Query title = new Words(chain, typos).createBooleanQuery(language.field(ListingDocument.TITLE), text);
            if (title != null) {
                query.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
            }
            for (Query pair : neighbours(language, typed.get(language))) {
                query.add(new BoostQuery(pair, PROXIMITY_BOOST), Occur.SHOULD);
            }
            scored.add(query.build());
        }
        if (matching.isEmpty()) {
            return null;
        }
        Query ranked = scored.size() == 1 ? scored.get(0) : new DisjunctionMaxQuery(scored, OTHER_LANGUAGE_TIE);
        if (!namedSkills.isEmpty()) {
            // a skill the text names: listings tagged with it rank higher (a term lookup, whatever the language)
            BooleanQuery.Builder withSkills = new BooleanQuery.Builder().add(ranked, Occur.MUST);
            for (String skill : namedSkills) {
                withSkills.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(ListingDocument.SKILL, skill))),
                        SKILLS_BOOST), Occur.SHOULD);
            }
            ranked = withSkills.build();
        }
        Query matches = matching.size() == 1 ? matching.get(0) : new DisjunctionMaxQuery(matching, 0);
        return new Built(new ConstantScoreQuery(matches), ranked);
    }

    /**
     * The person's own words in one language's {@code all_*} field, any of them (the minimum grows with their
     * number), or the same with each word or phrase replaced by its synonyms (a multi-word one as a phrase).
     */
    private Query match(ListingLanguage language, String text, Map<String, Integer> typos, boolean namesATask) {
        String all = language.field(ListingDocument.ALL);
        Query match = withMinimum(new Words(indexChains.get(language), typos).createBooleanQuery(all, text));
        if (match != null && hasSynonyms(queryChains.get(language), all, text)) {
            Query expanded = withMinimum(new Words(queryChains.get(language), typos).createBooleanQuery(all, text), namesATask);
            if (expanded != null) {
                match = new BooleanQuery.Builder().add(match, Occur.SHOULD).add(expanded, Occur.SHOULD).build();
            }
        }
        return match;
    }

    private static Query withMinimum(Query words) {
        return withMinimum(words, false);
    }

    /**
     * {@code words} with the minimum of {@link #minimumToMatch}; with {@code namedTaskAlone} (the text
     * itself holds a name of several words, such as "répondre au téléphone"), a listing that has that name
     * (or its synonyms) matches on it alone: a person who named the task she wants need not have the rest of
     * her request matched too (it still ranks the listings that have more of it higher).
     */
    private static Query withMinimum(Query words, boolean namedTaskAlone) {
        if (!(words instanceof BooleanQuery bool)) {
            return words;
        }
        List<BooleanClause> clauses = bool.clauses();
        if (clauses.stream().anyMatch(c -> c.getOccur() != Occur.SHOULD)) {
            return words;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        clauses.forEach(builder::add);
        Query minimum = builder.setMinimumNumberShouldMatch(minimumToMatch(clauses.size())).build();
        List<Query> names = clauses.stream().map(BooleanClause::getQuery).filter(ListingQuery::multiWord).toList();
        if (!namedTaskAlone || names.isEmpty() || clauses.size() < 2) {
            return minimum;
        }
        // ...or the named task alone
        BooleanQuery.Builder either = new BooleanQuery.Builder().add(minimum, Occur.SHOULD);
        names.forEach(name -> either.add(name, Occur.SHOULD));
        return either.build();
    }

    /** A clause that stands for several words: a phrase, or a synonym graph holding one. */
    private static boolean multiWord(Query query) {
        if (query instanceof PhraseQuery || query instanceof org.apache.lucene.search.MultiPhraseQuery) {
            return true;
        }
        if (query instanceof BoostQuery boost) {
            return multiWord(boost.getQuery());
        }
        if (query instanceof BooleanQuery nested) {
            return nested.clauses().stream().anyMatch(c -> multiWord(c.getQuery()));
        }
        return false;
    }

    /** A text's own words as one language's index chain makes them: terms, positions, lengths as typed. */
    private record Typed(List<String> terms, List<Integer> positions, List<Integer> lengths) {
    }

    private Typed typed(ListingLanguage language, String text) {
        Typed typed = new Typed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (TokenStream stream = indexChains.get(language).tokenStream(language.field(ListingDocument.ALL), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                typed.terms().add(term.toString());
                typed.positions().add(position);
                typed.lengths().add(offset.endOffset() - offset.startOffset());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return typed;
    }

    /**
     * The words typed that no listing contains in either language: those of the person's own words (not
     * their synonyms) whose forms, as each language's chain makes them, are in neither vocabulary (both
     * chains keep the same words, so the i-th term of each is the same typed word). Returned as
     * "field\u0000term" → edits allowed, for both languages' {@code all_*} and {@code title_*} fields.
     */
    private static Map<String, Integer> typos(Map<ListingLanguage, Typed> typed, IndexReader reader) {
        Map<String, Integer> typos = new HashMap<>();
        int words = typed.values().stream().mapToInt(t -> t.terms().size()).min().orElse(0);
        try {
            for (int i = 0; i < words; i++) {
                boolean known = false;
                for (ListingLanguage language : ListingLanguage.values()) {
                    known |= reader.docFreq(new Term(language.field(ListingDocument.ALL), typed.get(language).terms().get(i))) > 0;
                }
                // edits scale with the word as typed (a stem can be much shorter: "livers" → "liv")
                int edits = maxEdits(typed.get(ListingLanguage.FR).lengths().get(i));
                if (!known && edits > 0) {
                    for (ListingLanguage language : ListingLanguage.values()) {
                        String term = typed.get(language).terms().get(i);
                        typos.put(language.field(ListingDocument.ALL) + '\u0000' + term, edits);
                        typos.put(language.field(ListingDocument.TITLE) + '\u0000' + term, edits);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return typos;
    }

    /** "Words close together": each pair of neighbouring words as a sloppy phrase in {@code all_*}. */
    private static List<Query> neighbours(ListingLanguage language, Typed typed) {
        String field = language.field(ListingDocument.ALL);
        List<String> terms = typed.terms();
        List<Integer> positions = typed.positions();
        List<Query> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size() && pairs.size() < MAX_PAIRS; i++) {
            if (!terms.get(i).equals(terms.get(i + 1))) {
                pairs.add(new PhraseQuery.Builder().add(new Term(field, terms.get(i)), 0)
                        .add(new Term(field, terms.get(i + 1)), positions.get(i + 1) - positions.get(i))
                        .setSlop(PROXIMITY_SLOP).build());
            }
        }
        return pairs;
    }

    /** Lucene's query builder, with synonyms as phrases and typo tolerance for words the index does not know. */
    private static final class Words extends QueryBuilder {
        private final Map<String, Integer> typos;

        Words(Analyzer analyzer, Map<String, Integer> typos) {
            super(analyzer);
            this.typos = typos;
            setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        }

        @Override
        protected Query newTermQuery(Term term, float boost) {
            Query exact = super.newTermQuery(term, boost);
            Integer edits = typos.get(term.field() + '\u0000' + term.text());
            if (edits == null) {
                return exact;
            }
            return new BoostQuery(new FuzzyQuery(term, edits, 1, 50, true), TYPO_WEIGHT * boost);
        }
    }
}
