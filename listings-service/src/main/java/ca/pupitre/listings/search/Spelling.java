package ca.pupitre.listings.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": each word of the query (4 letters or more, not a stop word) that no listing contains
 * is replaced by the closest word the listings do contain (Lucene's {@link DirectSpellChecker}: edit
 * distance over the index vocabulary, more frequent words first among equals). Null when no word changes.
 */
final class Spelling {

    private static final int MIN_LENGTH = 4;

    private final Analyzer words = Chains.spelling();
    private final DirectSpellChecker checker = new DirectSpellChecker();

    Spelling() {
        checker.setMinQueryLength(MIN_LENGTH);
        checker.setAccuracy(0.6f);
    }

    String suggest(String text, IndexReader reader) {
        StringBuilder corrected = new StringBuilder(text);
        boolean changed = false;
        int shift = 0;
        try (TokenStream stream = words.tokenStream(ListingDocument.SPELLING, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString();
                if (word.length() < MIN_LENGTH || Vocabulary.QUERY_STOP_WORDS.contains(Text.fold(word))) {
                    continue;
                }
                Term asTerm = new Term(ListingDocument.SPELLING, word);
                if (reader.docFreq(asTerm) > 0) {
                    continue;
                }
                SuggestWord[] best = checker.suggestSimilar(asTerm, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (best.length == 0 || Text.fold(best[0].string).equals(Text.fold(word))) {
                    continue;
                }
                corrected.replace(offset.startOffset() + shift, offset.endOffset() + shift, best[0].string);
                shift += best[0].string.length() - (offset.endOffset() - offset.startOffset());
                changed = true;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed ? corrected.toString() : null;
    }
}
