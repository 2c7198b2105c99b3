package ca.pupitre.listings.service;

/**
 * Listing texts are stored and served in JSON exactly as typed (plain text, never HTML). Whoever puts
 * them in a page (our front end, partners' job boards, feeds) must escape them; this is the one
 * escaping we offer: every HTML-significant character escaped, line breaks as {@code <br>}. No tag
 * the author wrote ever survives, so {@code <script>} shows as text.
 */
public final class HtmlText {

    private HtmlText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && "&<>\"'\r\n".indexOf(text.charAt(first)) < 0) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder html = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '\r' -> { }
                case '\n' -> html.append("<br>");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
