package ca.pupitre.listings.feed;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON escapes that make JSON-LD safe to paste inside an HTML {@code <script type="application/ld+json">},
 * which is how partners publish it: {@code <}, {@code >} and {@code &} as {@code \u003C}-style escapes (no
 * {@code </script>} or {@code <!--} can close the element), and U+2028 / U+2029 (line breaks to older
 * JavaScript parsers). The JSON value is unchanged for any reader.
 */
public final class ScriptSafeEscapes extends CharacterEscapes {

    public static final ScriptSafeEscapes INSTANCE = new ScriptSafeEscapes();
    private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");
    private final int[] ascii;

    private ScriptSafeEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii['<'] = ESCAPE_STANDARD;
        ascii['>'] = ESCAPE_STANDARD;
        ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case 0x2028 -> LINE_SEPARATOR;
            case 0x2029 -> PARAGRAPH_SEPARATOR;
            default -> null;
        };
    }
}
