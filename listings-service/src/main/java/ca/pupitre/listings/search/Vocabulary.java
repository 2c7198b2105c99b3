package ca.pupitre.listings.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;

/**
 * The word lists analysis uses: stop words of both languages (one set, since a bilingual site gets
 * queries in either language against fields of both), and the filler words of plain-language requests
 * ("besoin", "looking for"), dropped from queries only.
 */
final class Vocabulary {

    /** Snowball's French and English stop lists, as shipped with Lucene, folded to plain ASCII like the text. */
    static final CharArraySet STOP_WORDS = stopWords();
    /** Stop words plus {@code search/query-noise.txt}. */
    static final CharArraySet QUERY_STOP_WORDS = queryStopWords();

    private Vocabulary() {
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(400, true);
        for (String file : new String[] {"french_stop.txt", "english_stop.txt"}) {
            try (InputStream in = SnowballFilter.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException(file + " missing from lucene-analysis-common");
                }
                CharArraySet words = WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (Object word : words) {
                    set.add(Text.fold(new String((char[]) word)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return CharArraySet.unmodifiableSet(set);
    }

    private static CharArraySet queryStopWords() {
        CharArraySet set = new CharArraySet(STOP_WORDS, true);
        try (Reader in = Text.resource("search/query-noise.txt")) {
            for (Object word : WordlistLoader.getWordSet(in, "#", new CharArraySet(64, true))) {
                set.add(Text.fold(new String((char[]) word)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CharArraySet.unmodifiableSet(set);
    }
}
