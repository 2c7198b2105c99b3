package ca.pupitre.listings.service;

import ca.pupitre.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque cursors: base64url of {@code kind|part|part...}. Anything that does not decode is a 400. */
final class Cursors {

    /** Longest cursor read: the ones made here are under 130 characters; a longer one is a 400 like any bad cursor. */
    static final int MAX_LENGTH = 256;

    private Cursors() {
    }

    static String encode(String kind, Object... parts) {
        StringBuilder text = new StringBuilder(kind);
        for (Object part : parts) {
            text.append('|').append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The parts after the kind; 400 INVALID_CURSOR when malformed or made for another kind or size. */
    static List<String> decode(String cursor, String kind, int parts) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> all = List.of(text.split("\\|", -1));
            if (all.size() != parts + 1 || !all.get(0).equals(kind)) {
                throw invalid();
            }
            return all.subList(1, all.size());
        } catch (IllegalArgumentException malformed) {
            throw invalid();
        }
    }

    static ProblemException invalid() {
        return ProblemException.badRequest("INVALID_CURSOR");
    }
}
