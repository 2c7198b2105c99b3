package ca.pupitre.listings.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis chains, all built from Lucene's own filters. The same chain reads a listing's text and a
 * query, with two differences at query time only: the synonym graph (multi-word aware, so "tenue de
 * livres" ↔ "bookkeeping"), and the filler words of plain-language requests.
 *
 * <pre>
 * French:  standard tokenizer → elision (l', d', qu'…) → possessive 's → lower case → accent folding → [synonyms] → stop words → light stemming
 * English: standard tokenizer → elision → possessive 's → lower case → accent folding → [synonyms] → stop words → KStem
 * </pre>
 *
 * Stop words are those of both languages (see {@link Vocabulary}); synonyms come before them so that a
 * multi-word name keeps its little words ("tenue de livres") while it is matched.
 */
final class Chains {

    private Chains() {
    }

    /** The chain of {@code language}; {@code synonyms} null for indexing. */
    static Analyzer of(ListingLanguage language, SynonymMap synonyms) {
        return new Chain(language, synonyms);
    }

    /** What synonym rules are read with: the chains' steps before the synonym filter. */
    static Analyzer synonymKeys() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, keys(source));
            }
        };
    }

    private static TokenStream keys(Tokenizer source) {
        TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        stream = new EnglishPossessiveFilter(stream);
        stream = new LowerCaseFilter(stream);
        return new ASCIIFoldingFilter(stream);
    }

    private static TokenStream synonymsAndStops(TokenStream stream, SynonymMap synonyms) {
        if (synonyms != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        return new StopFilter(stream, synonyms != null ? Vocabulary.QUERY_STOP_WORDS : Vocabulary.STOP_WORDS);
    }

    /**
     * One language's chain; only the last step differs. French: light stemming (plurals, feminine forms)
     * keeps words readable and precise. English: KStem, a light dictionary-based stemmer (plurals, -ing,
     * -ed), gentler than Porter.
     */
    private static final class Chain extends Analyzer {
        private final ListingLanguage language;
        private final SynonymMap synonyms;

        Chain(ListingLanguage language, SynonymMap synonyms) {
            this.language = language;
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = synonymsAndStops(keys(source), synonyms);
            return new TokenStreamComponents(source,
                    language == ListingLanguage.FR ? new FrenchLightStemFilter(stream) : new KStemFilter(stream));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return ListingDocument.FIELD_GAP;
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** The "did you mean" vocabulary: words as written, lower case, accents kept (they are shown to people). */
    static Analyzer spelling() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(new ElisionFilter(source,
                        FrenchAnalyzer.DEFAULT_ARTICLES)));
            }
        };
    }
}
