package ca.pupitre.platform.http;

import java.util.Locale;
import java.util.Set;

/** Reads a request's {@code Accept-Encoding} (RFC 9110 12.5.3). */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * Whether the header names one of {@code codings} (lower case), or {@code *}, with a weight above 0. A missing
     * header accepts none of them (the client gets the answer as it is).
     */
    public static boolean accepts(String header, Set<String> codings) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String name = pieces[0].strip().toLowerCase(Locale.ROOT);
            if (!codings.contains(name) && !name.equals("*")) {
                continue;
            }
            boolean zero = false;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].strip().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    try {
                        zero = Double.parseDouble(param.substring(2)) <= 0;
                    } catch (NumberFormatException malformed) {
                        zero = true;
                    }
                }
            }
            if (!zero) {
                return true;
            }
        }
        return false;
    }
}
