package ca.pupitre.listings.search;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers of the search package. */
final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {
    }

    /** Lower case without accents ("Été" → "ete"), as the analysis chains see words. */
    static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    static Reader resource(String path) {
        InputStream in = Text.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
