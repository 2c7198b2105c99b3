package ca.pupitre.listings.search;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
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

    /** A word written with hyphens: "e-commerce", "book-keeping", "T-4", "non-profit", "mi-temps". */
    private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}]+(?:[-\u2010\u2011][\\p{L}\\p{N}]+)+");
    private static final Pattern HYPHEN = Pattern.compile("[-\u2010\u2011]");

    /**
     * The hyphenated words of a text written as one word ("e-commerce" → "ecommerce"), space-separated, or
     * null when there are none. People write these compounds both ways; the tokenizer splits the hyphenated
     * form into parts that often mean nothing alone ("e", "book"), so both the listing and the query also
     * carry the joined form.
     */
    static String joinedHyphenWords(String text) {
        if (text == null || (text.indexOf('-') < 0 && text.indexOf('\u2010') < 0 && text.indexOf('\u2011') < 0)) {
            return null;
        }
        Matcher m = HYPHENATED.matcher(text);
        StringBuilder joined = new StringBuilder();
        while (m.find()) {
            joined.append(joined.length() == 0 ? "" : " ").append(HYPHEN.matcher(m.group()).replaceAll(""));
        }
        return joined.length() == 0 ? null : joined.toString();
    }

    /** The text with each hyphenated word written as one word ("e-commerce support" → "ecommerce support"). */
    static String withHyphensJoined(String text) {
        Matcher m = HYPHENATED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(HYPHEN.matcher(m.group()).replaceAll("")));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Reader resource(String path) {
        InputStream in = Text.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
