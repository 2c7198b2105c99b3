package ca.pupitre.listings.search;

import ca.pupitre.listings.api.SkillView;
import ca.pupitre.listings.service.SkillTaxonomy;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Type-ahead: completions of what a person is typing, from the skills' names (both languages, always
 * first among equals) and the phrases of one to three words that recur in published titles. Lucene's
 * {@link AnalyzingInfixSuggester} matches any word's start, accent- and case-insensitively ("compt" →
 * "Comptabilité", "tenue de livres pour PME"), within the asked language.
 *
 * <p>Title phrases are recounted from the index when {@link #rebuild} runs (at start, then on a schedule),
 * so a new title's phrases show in completions after the next rebuild; skills are always there.
 */
final class Suggestions {

    private static final long SKILL_WEIGHT = 1_000_000L;
    private static final int MAX_PHRASE_WORDS = 3;
    private static final int MIN_OCCURRENCES = 2;
    private static final int MAX_PHRASES = 20_000;

    private final SkillTaxonomy taxonomy;
    private final Analyzer analyzer = Chains.synonymKeys();
    private volatile AnalyzingInfixSuggester current;

    Suggestions(SkillTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    private record Entry(String text, ListingLanguage language, long weight) {
    }

    List<String> complete(String prefix, ListingLanguage language, int limit) {
        AnalyzingInfixSuggester suggester = current;
        if (suggester == null || prefix.isBlank()) {
            return List.of();
        }
        try {
            Set<BytesRef> contexts = Set.of(new BytesRef(language.code()));
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            List<String> out = new ArrayList<>();
            for (Lookup.LookupResult result : suggester.lookup(prefix, contexts, limit * 2, true, false)) {
                String text = result.key.toString();
                if (seen.add(Text.fold(text)) && out.size() < limit) {
                    out.add(text);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void rebuild(SearcherManager searchers) {
        try {
            List<Entry> entries = new ArrayList<>(skillEntries());
            IndexSearcher searcher = searchers.acquire();
            try {
                entries.addAll(titlePhrases(searcher.getIndexReader()));
            } finally {
                searchers.release(searcher);
            }
            AnalyzingInfixSuggester fresh = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), analyzer, analyzer, 1,
                    false, true, false);
            fresh.build(new Entries(entries.iterator()));
            AnalyzingInfixSuggester old = current;
            current = fresh;
            if (old != null) {
                old.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Entry> skillEntries() {
        List<Entry> entries = new ArrayList<>();
        for (SkillView skill : taxonomy.all()) {
            entries.add(new Entry(skill.label().fr(), ListingLanguage.FR, SKILL_WEIGHT * 2));
            entries.add(new Entry(skill.label().en(), ListingLanguage.EN, SKILL_WEIGHT * 2));
            skill.synonyms().fr().forEach(s -> entries.add(new Entry(s, ListingLanguage.FR, SKILL_WEIGHT)));
            skill.synonyms().en().forEach(s -> entries.add(new Entry(s, ListingLanguage.EN, SKILL_WEIGHT)));
        }
        return entries;
    }

    /** Phrases of 1 to 3 words, not starting or ending with a stop word, found in at least two titles. */
    private List<Entry> titlePhrases(IndexReader reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (ListingLanguage language : ListingLanguage.values()) {
            Map<String, long[]> counts = new HashMap<>();
            Map<String, String> shown = new HashMap<>();
            String field = language.field(ListingDocument.TITLE_STORED);
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader leafReader = leaf.reader();
                Bits live = leafReader.getLiveDocs();
                StoredFields stored = leafReader.storedFields();
                for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    String title = stored.document(doc, Set.of(field)).get(field);
                    if (title != null) {
                        count(title, counts, shown);
                    }
                }
            }
            counts.entrySet().stream().filter(e -> e.getValue()[0] >= MIN_OCCURRENCES)
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(MAX_PHRASES)
                    .forEach(e -> entries.add(new Entry(shown.get(e.getKey()), language, e.getValue()[0])));
        }
        return entries;
    }

    private static void count(String title, Map<String, long[]> counts, Map<String, String> shown) throws IOException {
        List<String> words = new ArrayList<>();
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(title));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                words.add(term.toString());
            }
            tokenizer.end();
        }
        Set<String> inThisTitle = new HashSet<>();
        for (int start = 0; start < words.size(); start++) {
            for (int n = 1; n <= MAX_PHRASE_WORDS && start + n <= words.size(); n++) {
                String first = Text.fold(words.get(start));
                String last = Text.fold(words.get(start + n - 1));
                if (Vocabulary.STOP_WORDS.contains(first) || Vocabulary.STOP_WORDS.contains(last) || first.length() < 3
                        || first.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String phrase = String.join(" ", words.subList(start, start + n));
                String key = Text.fold(phrase);
                if (inThisTitle.add(key)) {
                    counts.computeIfAbsent(key, k -> new long[1])[0]++;
                    shown.putIfAbsent(key, phrase.toLowerCase(Locale.CANADA_FRENCH));
                }
            }
        }
    }

    /** The entries as the suggester reads them: text, weight, and the language as context. */
    private static final class Entries implements InputIterator {
        private final Iterator<Entry> entries;
        private Entry entry;

        Entries(Iterator<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public BytesRef next() {
            if (!entries.hasNext()) {
                return null;
            }
            entry = entries.next();
            return new BytesRef(entry.text());
        }

        @Override
        public long weight() {
            return entry.weight();
        }

        @Override
        public BytesRef payload() {
            return null;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }

        @Override
        public Set<BytesRef> contexts() {
            return Set.of(new BytesRef(entry.language().code()));
        }

        @Override
        public boolean hasContexts() {
            return true;
        }
    }
}
